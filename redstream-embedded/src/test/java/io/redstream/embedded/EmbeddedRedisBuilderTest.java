package io.redstream.embedded;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Builder validation: every case fails before any process is started. */
class EmbeddedRedisBuilderTest {

    @Test
    void port_outOfRange_isRejectedWithRuleAndValue() {
        assertThatThrownBy(() -> EmbeddedRedis.builder().port(70000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port must be 0 (any free port) or between 1 and 65535, but was 70000");
        assertThatThrownBy(() -> EmbeddedRedis.builder().port(-1)).hasMessageContaining("but was -1");
    }

    @Test
    void appendFsync_withoutAppendOnly_isRejectedAtStart() {
        assertThatThrownBy(() -> EmbeddedRedis.builder().appendFsync(AppendFsync.ALWAYS).start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("appendFsync requires appendOnly(true)");
    }

    @Test
    void password_empty_isRejected() {
        assertThatThrownBy(() -> EmbeddedRedis.builder().password(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("password must not be empty");
    }

    @Test
    void nulls_areRejectedNamingTheParameter() {
        assertThatThrownBy(() -> EmbeddedRedis.builder().dataDirectory(null))
                .isInstanceOf(NullPointerException.class).hasMessage("dataDirectory");
        assertThatThrownBy(() -> EmbeddedRedis.builder().password(null))
                .isInstanceOf(NullPointerException.class).hasMessage("password");
        assertThatThrownBy(() -> EmbeddedRedis.builder().config(null))
                .isInstanceOf(NullPointerException.class).hasMessage("line");
        assertThatThrownBy(() -> EmbeddedRedis.builder().tls(null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("certificate");
        assertThatThrownBy(() -> EmbeddedRedis.builder().appendFsync(null))
                .isInstanceOf(NullPointerException.class).hasMessage("appendFsync");
    }

    @Test
    void timeouts_notPositive_areRejected() {
        assertThatThrownBy(() -> EmbeddedRedis.builder().startupTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("startupTimeout must be positive, but was PT0S");
        assertThatThrownBy(() -> EmbeddedRedis.builder().stopTimeout(Duration.ofSeconds(-1)))
                .hasMessage("stopTimeout must be positive, but was PT-1S");
    }

    @Test
    void config_managedDirective_isRejectedWhereItArrives() {
        assertThatThrownBy(() -> EmbeddedRedis.builder().config("dir /tmp"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'dir'");
        assertThatThrownBy(() -> EmbeddedRedis.builder().config("requirepass x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'requirepass'");
    }
}
