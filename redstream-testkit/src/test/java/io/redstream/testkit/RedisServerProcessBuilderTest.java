package io.redstream.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redstream.embedded.AppendFsync;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Builder validation: every case fails before any process is started. */
class RedisServerProcessBuilderTest {

    @Test
    void port_outOfRange_isRejectedWithRuleAndValue() {
        assertThatThrownBy(() -> RedisServerProcess.builder().port(70000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port must be 0 (any free port) or between 1 and 65535, but was 70000");
        assertThatThrownBy(() -> RedisServerProcess.builder().port(-1))
                .hasMessageContaining("but was -1");
    }

    @Test
    void appendFsync_withoutAppendOnly_isRejectedAtStart() {
        assertThatThrownBy(() -> RedisServerProcess.builder().appendFsync(AppendFsync.ALWAYS).start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("appendFsync requires appendOnly(true)");
    }

    @Test
    void password_empty_isRejected() {
        assertThatThrownBy(() -> RedisServerProcess.builder().password(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("password must not be empty");
    }

    @Test
    void nulls_areRejectedNamingTheParameter() {
        assertThatThrownBy(() -> RedisServerProcess.builder().dataDirectory(null))
                .isInstanceOf(NullPointerException.class).hasMessage("dataDirectory");
        assertThatThrownBy(() -> RedisServerProcess.builder().password(null))
                .isInstanceOf(NullPointerException.class).hasMessage("password");
        assertThatThrownBy(() -> RedisServerProcess.builder().config(null))
                .isInstanceOf(NullPointerException.class).hasMessage("line");
    }

    @Test
    void timeouts_notPositive_areRejected() {
        assertThatThrownBy(() -> RedisServerProcess.builder().startupTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("startupTimeout must be positive, but was PT0S");
        assertThatThrownBy(() -> RedisServerProcess.builder().stopTimeout(Duration.ofSeconds(-1)))
                .hasMessage("stopTimeout must be positive, but was PT-1S");
    }

    @Test
    void config_managedDirective_isRejectedWhereItArrives() {
        assertThatThrownBy(() -> RedisServerProcess.builder().config("dir /tmp"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'dir'");
    }
}
