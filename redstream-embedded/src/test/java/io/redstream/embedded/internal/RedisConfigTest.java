package io.redstream.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redstream.embedded.AppendFsync;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisConfigTest {

    private static final Path DIR = Path.of("/tmp/redstream test/data");

    @Test
    void render_bindsLoopbackOnlyWithProtectedModeAndNoSnapshots() {
        String conf = new RedisConfig(6390, DIR, false, AppendFsync.EVERYSEC, null, 0, List.of()).render();

        assertThat(conf.lines()).contains(
                "bind 127.0.0.1", "port 6390", "protected-mode yes", "daemonize no", "save \"\"", "appendonly no",
                "loglevel notice",
                "dir \"/tmp/redstream test/data\"");
        assertThat(conf).doesNotContain("requirepass").doesNotContain("cluster-enabled");
    }

    @Test
    void render_withAofPasswordAndCluster_writesTheirDirectives() {
        String conf = new RedisConfig(7000, DIR, true, AppendFsync.ALWAYS, "s3cr\"t", 17000, List.of()).render();

        assertThat(conf.lines()).contains(
                "appendonly yes", "appendfsync always", "requirepass \"s3cr\\\"t\"", "cluster-enabled yes",
                "cluster-config-file nodes.conf", "cluster-announce-ip 127.0.0.1", "cluster-port 17000");
    }

    @Test
    void render_putsExtraLinesLastSoTheyWin() {
        String conf = new RedisConfig(7000, DIR, false, AppendFsync.EVERYSEC, null, 0,
                List.of("save 60 1", "maxmemory 10mb")).render();

        List<String> lines = conf.lines().toList();
        assertThat(lines.subList(lines.size() - 2, lines.size())).containsExactly("save 60 1", "maxmemory 10mb");
    }

    @Test
    void toString_neverShowsThePassword() {
        RedisConfig config = new RedisConfig(7000, DIR, false, AppendFsync.EVERYSEC, "hunter2", 0, List.of());

        assertThat(config.toString()).doesNotContain("hunter2").contains("password=***");
    }

    @Test
    void quote_escapesQuotesBackslashesAndControlCharacters() {
        assertThat(RedisConfig.quote("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\x01\"");
    }

    @Test
    void checkExtraLine_managedDirective_isRejectedWithDirectiveAndValue() {
        assertThatThrownBy(() -> RedisConfig.checkExtraLine("  PORT 6379"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("config line must not set 'port'")
                .hasMessageContaining("but was \"  PORT 6379\"");
        assertThatThrownBy(() -> RedisConfig.checkExtraLine("bind 0.0.0.0"))
                .hasMessageContaining("'bind'");
        assertThatThrownBy(() -> RedisConfig.checkExtraLine("requirepass other"))
                .hasMessageContaining("'requirepass'");
        // Readiness waits for a notice-level line.
        assertThatThrownBy(() -> RedisConfig.checkExtraLine("loglevel warning"))
                .hasMessageContaining("'loglevel'");
    }

    @Test
    void checkExtraLine_lineBreak_isRejected() {
        assertThatThrownBy(() -> RedisConfig.checkExtraLine("maxmemory 1mb\nport 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("config line must be a single line");
    }

    @Test
    void checkExtraLine_blank_isRejected() {
        assertThatThrownBy(() -> RedisConfig.checkExtraLine("   "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("config line must not be blank");
    }

    @Test
    void checkExtraLine_ordinaryDirective_isTrimmedAndKept() {
        assertThat(RedisConfig.checkExtraLine("  maxmemory 64mb ")).isEqualTo("maxmemory 64mb");
    }
}
