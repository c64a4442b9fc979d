package io.redstream.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redstream.core.ErrorCode;
import io.redstream.core.RedStream;
import io.redstream.core.RedStreamConnectionException;
import io.redstream.testkit.RedisServerProcess;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Redis going away and coming back: errors are translated, nothing hangs, and the same client recovers. */
class ReconnectIT {
    static final String TASKS = "nova:task:boomerang:tasks";

    @Test
    void redisRestart_clientFailsFastThenRecoversWithoutRebuild() {
        // fsync always: this test is about the client reconnecting, not about what everysec may lose on a kill.
        try (RedisServerProcess redis = RedisServerProcess.builder().appendOnly(true)
                .appendFsync(io.redstream.embedded.AppendFsync.ALWAYS).start();
                RedStream rs = RedStream.builder().redisUri(redis.uri()).identity("reconnect")
                        .connectTimeout(Duration.ofMillis(500)).socketTimeout(Duration.ofSeconds(1)).build()) {
            String before = rs.publish(TASKS, Map.of("n", "before"));
            rs.groups().create(TASKS, "g", "0");

            redis.kill();
            long start = System.nanoTime();
            assertThatThrownBy(() -> rs.publish(TASKS, Map.of("n", "while-down")))
                    .isInstanceOf(RedStreamConnectionException.class)
                    .satisfies(e -> assertThat(((RedStreamConnectionException) e).code())
                            .isEqualTo(ErrorCode.UNAVAILABLE))
                    .hasMessageContaining("publish to " + TASKS);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));

            redis.restart();
            String after = rs.publish(TASKS, Map.of("n", "after"));
            assertThat(after).isGreaterThan(before);
            assertThat(rs.streams().range(TASKS, "-", "+", 10)).extracting(e -> e.get("n"))
                    .containsExactly("before", "after");
            assertThat(rs.groups().list(TASKS)).hasSize(1);
        }
    }

    @Test
    void redisNeverThere_operationsFailWithUnavailableNamingTheOperation() {
        int port;
        try (RedisServerProcess redis = RedisServerProcess.start()) {
            port = redis.port();
        }
        try (RedStream rs = RedStream.builder().redisUri("redis://127.0.0.1:" + port)
                .connectTimeout(Duration.ofMillis(300)).build()) {
            assertThatThrownBy(() -> rs.streams().length(TASKS))
                    .isInstanceOf(RedStreamConnectionException.class)
                    .hasMessageContaining("length of " + TASKS)
                    .hasMessageContaining("unreachable");
            assertThatThrownBy(() -> rs.groups().read(TASKS, "g", "c", 1, Duration.ofMillis(100)))
                    .isInstanceOf(RedStreamConnectionException.class);
        }
    }

    @Test
    void passwordInUri_neverAppearsInToStringOrErrors() {
        try (RedisServerProcess redis = RedisServerProcess.builder().password("hunter2-very-secret").start()) {
            String uri = "redis://:hunter2-very-secret@127.0.0.1:" + redis.port();
            try (RedStream rs = RedStream.builder().redisUri(uri).build()) {
                assertThat(rs.publish(TASKS, Map.of("a", "1"))).isNotBlank();
                assertThat(rs.toString()).doesNotContain("hunter2");
            }
            String wrong = "redis://:wrong-password@127.0.0.1:" + redis.port();
            try (RedStream rs = RedStream.builder().redisUri(wrong).build()) {
                assertThatThrownBy(() -> rs.publish(TASKS, Map.of("a", "1")))
                        .isInstanceOf(RedStreamConnectionException.class)
                        .hasMessageNotContaining("wrong-password");
            }
        }
    }
}
