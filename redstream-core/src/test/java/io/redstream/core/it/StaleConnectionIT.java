package io.redstream.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redstream.core.RedStream;
import io.redstream.testkit.RedisServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * A Redis restart leaves every idle pooled connection stale. The first call of an idle client afterwards must not
 * fail because of that: connections unused for {@code validateAfterIdle} are checked before they are lent.
 */
class StaleConnectionIT {
    static final String TASKS = "nova:task:boomerang:tasks";

    @Test
    void restartOnSamePort_firstCallOfIdleClientSucceeds() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start();
                RedStream rs = RedStream.builder().redisUri(redis.uri()).validateAfterIdle(Duration.ofMillis(200))
                        .build()) {
            fillPool(rs, 4);
            int port = redis.port();

            redis.restart();
            assertThat(redis.port()).isEqualTo(port);
            // Idle in the documented sense: unused for at least validateAfterIdle since the last call.
            Thread.sleep(250);

            // Every pooled connection is stale now; each of these takes one of them.
            for (int i = 0; i < 4; i++) {
                assertThat(rs.publish(TASKS, Map.of("n", "after-" + i))).isNotBlank();
            }
            assertThat(rs.streams().length(TASKS)).isEqualTo(4);
        }
    }

    @Test
    void restartOnSamePort_validateOnEveryBorrow_firstCallRightAfterSucceeds() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start();
                RedStream rs = RedStream.builder().redisUri(redis.uri()).validateAfterIdle(Duration.ZERO).build()) {
            fillPool(rs, 4);
            redis.restart();
            assertThat(rs.publish(TASKS, Map.of("n", "right-after"))).isNotBlank();
            assertThat(rs.groups().create(TASKS, "g", "0")).isTrue();
        }
    }

    /** The same restart against a pool that lends without checking: the stale connection fails the call. */
    @Test
    void restartOnSamePort_poolWithoutValidation_failsTheFirstCall() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start();
                RedisClient raw = RedisClient.builder().hostAndPort(redis.host(), redis.port()).build()) {
            raw.ping();
            redis.restart();
            Thread.sleep(250);
            assertThatThrownBy(raw::ping).isInstanceOf(JedisConnectionException.class);
            assertThat(raw.ping()).isEqualTo("PONG"); // the broken connection was dropped; the next one is fresh
        }
    }

    @Test
    void validateAfterIdle_negative_isRejectedNamingTheParameter() {
        assertThatThrownBy(() -> RedStream.builder().validateAfterIdle(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("validateAfterIdle must not be negative");
    }

    /** Opens {@code n} pooled connections at once, so the pool holds that many idle ones afterwards. */
    private static void fillPool(RedStream rs, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch together = new CountDownLatch(n);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                done.add(pool.submit(() -> {
                    together.countDown();
                    together.await();
                    // A blocking read holds its connection for the block time, so n of them need n connections.
                    rs.streams().read(Map.of(TASKS, "$"), 1, Duration.ofMillis(200));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
