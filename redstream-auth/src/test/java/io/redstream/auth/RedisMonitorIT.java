package io.redstream.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redstream.core.AccessDeniedException;
import io.redstream.core.RedStream;
import io.redstream.testkit.RedisServerExtension;
import io.redstream.testkit.RedisServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/**
 * The "nothing was sent" probe can fail: it sees a command sent before an exception, and a command MONITOR does not
 * show. Without these, the enforcement tests' silence could mean a blind probe.
 */
@ExtendWith(RedisServerExtension.class)
class RedisMonitorIT {
    private final RedisServerProcess redis;
    private RedisMonitor monitor;
    private RedStream client;

    RedisMonitorIT(RedisServerProcess redis) {
        this.redis = redis;
    }

    @BeforeEach
    void start() {
        redis.flushAll();
        monitor = new RedisMonitor(redis);
        client = RedStream.builder().redisUri(redis.uri()).build();
    }

    @AfterEach
    void stop() {
        monitor.close();
        client.close();
    }

    @Test
    void assertNothingSent_failsWhenACommandPrecedesTheDenial() {
        RedisMonitor.Window w = monitor.observe(() -> {
            client.state().get("nova:task:boomerang:counter");
            throw new AccessDeniedException("denied, but only after a GET went out");
        });
        assertThat(w.thrown()).isInstanceOf(AccessDeniedException.class);
        assertThat(w.commands()).singleElement().asString().startsWith("\"GET\" \"nova:task:boomerang:counter\"");
        assertThatThrownBy(() -> monitor.assertNothingSent(w)).isInstanceOf(AssertionError.class);
    }

    @Test
    void assertNothingSent_failsOnACommandMonitorDoesNotShow() {
        try (Jedis other = redis.connect()) {
            // CONFIG is an administrative command: MONITOR never shows it, the command counter does count it
            RedisMonitor.Window w = monitor.observe(() -> other.configGet("maxmemory"));
            assertThat(w.commands()).isEmpty();
            assertThatThrownBy(() -> monitor.assertNothingSent(w)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("total_commands_processed");
        }
    }

    @Test
    void observe_emptyWindowPasses() {
        assertThat(monitor.assertSendsNothing(() -> null)).isNull();
    }
}
