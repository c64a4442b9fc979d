package io.redstream.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @Test
    void fileName_isOwnerDashChildDotPid() {
        PidFile file = new PidFile(123, Optional.empty(), 456, Optional.empty());

        assertThat(file.fileName()).isEqualTo("123-456.pid");
    }

    @Test
    void writeTo_thenParse_roundTripsPidsAndStarts(@TempDir Path dir) throws Exception {
        PidFile original = new PidFile(11, Optional.of(Instant.ofEpochMilli(1_000)), 22, Optional.of(Instant.ofEpochMilli(2_000)));

        Path written = original.writeTo(dir);

        assertThat(written.getFileName().toString()).isEqualTo("11-22.pid");
        assertThat(PidFile.parse(written.getFileName().toString(), Files.readString(written))).contains(original);
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temp file left behind").containsExactly(written);
        }
    }

    @Test
    void writeTo_thenParse_roundTripsTempDirectoryWithAwkwardCharacters(@TempDir Path dir) throws Exception {
        PidFile original = new PidFile(1, Optional.empty(), 2, Optional.empty(),
                Optional.of(Path.of("/tmp/redstream-redis-a=b:c\\d e")));

        Path written = original.writeTo(dir);

        assertThat(PidFile.parse(written.getFileName().toString(), Files.readString(written))).contains(original);
    }

    @Test
    void parse_foreignFileName_isEmpty() {
        assertThat(PidFile.parse("notes.txt", "")).isEmpty();
        assertThat(PidFile.parse("12.pid", "")).isEmpty();
    }

    @Test
    void parse_garbledContent_keepsPidsFromNameWithUnknownStarts() {
        assertThat(PidFile.parse("7-8.pid", "owner.start=yesterday\n\\u12"))
                .contains(new PidFile(7, Optional.empty(), 8, Optional.empty()));
    }

    @Test
    void ownedByThisJvm_recordsThisJvmAsOwner() {
        PidFile file = PidFile.ownedByThisJvm(ProcessHandle.current());

        assertThat(file.ownerPid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(file.ownerStart()).isEqualTo(ProcessHandle.current().info().startInstant());
    }

    @Test
    void sameStart_withinTolerance_isSameButFarApart_isNot() {
        Instant t = Instant.ofEpochMilli(1_000_000);

        assertThat(PidFile.sameStart(Optional.of(t), Optional.of(t.plusMillis(500)))).isTrue();
        assertThat(PidFile.sameStart(Optional.of(t), Optional.of(t.plusSeconds(60)))).isFalse();
        assertThat(PidFile.sameStart(Optional.empty(), Optional.of(t))).isTrue();
    }

    @Test
    void isSameLiveProcess_thisJvm_isTrueButWithWrongStart_isFalse() {
        long self = ProcessHandle.current().pid();

        assertThat(PidFile.isSameLiveProcess(self, ProcessHandle.current().info().startInstant())).isTrue();
        assertThat(PidFile.isSameLiveProcess(self, Optional.of(Instant.EPOCH))).isFalse();
    }
}
