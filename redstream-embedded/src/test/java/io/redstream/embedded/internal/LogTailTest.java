package io.redstream.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @Test
    void read_fromOffset_showsOnlyNewLinesUpToTheLimit(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("redis.log");
        Files.writeString(log, "old start\nold line\n");
        long offset = LogTail.size(log);
        Files.writeString(log, "line 1\nline 2\nline 3\n", java.nio.file.StandardOpenOption.APPEND);

        assertThat(LogTail.read(log, offset, 2)).isEqualTo("line 2\nline 3");
        assertThat(LogTail.read(log, offset, 10)).doesNotContain("old");
    }

    @Test
    void read_nothingNew_saysSo(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("redis.log"), "x\n");

        assertThat(LogTail.read(log, LogTail.size(log), 5)).isEqualTo("(log is empty)");
    }

    @Test
    void containsSince_seesOnlyWhatWasWrittenAfterTheOffset(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("redis.log"), "Ready to accept connections\n");
        long offset = LogTail.size(log);

        assertThat(LogTail.containsSince(log, offset, "Ready to accept connections")).isFalse();
        Files.writeString(log, "x\nReady to accept connections\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(LogTail.containsSince(log, offset, "Ready to accept connections")).isTrue();
        assertThat(LogTail.containsSince(dir.resolve("missing.log"), 0, "Ready")).isFalse();
    }

    @Test
    void size_missingFile_isZero(@TempDir Path dir) {
        assertThat(LogTail.size(dir.resolve("missing.log"))).isZero();
    }
}
