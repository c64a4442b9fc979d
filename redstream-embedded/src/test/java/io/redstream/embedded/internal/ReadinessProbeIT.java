package io.redstream.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.redstream.embedded.EmbeddedRedis;
import org.junit.jupiter.api.Test;

/** The probe against a real server: ready only with the right password and for the right pid. */
class ReadinessProbeIT {

    @Test
    void isReady_rightPasswordAndPid_isTrue_anythingElseIsFalse() {
        try (EmbeddedRedis redis = EmbeddedRedis.start()) {
            String password = redis.password().orElseThrow();

            assertThat(ReadinessProbe.isReady(redis.host(), redis.port(), password, redis.pid())).isTrue();
            assertThat(ReadinessProbe.isReady(redis.host(), redis.port(), "wrong", redis.pid())).isFalse();
            assertThat(ReadinessProbe.isReady(redis.host(), redis.port(), null, redis.pid())).as("NOAUTH").isFalse();
            assertThat(ReadinessProbe.isReady(redis.host(), redis.port(), password, redis.pid() + 1))
                    .as("another process on the port is not ours").isFalse();
        }
    }
}
