package io.redstream.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** FaultProxy in front of a real Redis, driven by real Jedis clients. */
@ExtendWith(RedisServerExtension.class)
class FaultProxyIT {

    private static final JedisClientConfig FAST_TIMEOUTS = DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(500).socketTimeoutMillis(500).serverDefaultProtocol().build();

    private FaultProxy proxy;

    @BeforeEach
    void start(RedisServerProcess redis) {
        redis.flushAll();
        proxy = FaultProxy.forServer(redis);
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    @Test
    void proxy_forwardsRedisCommands() {
        try (RedisClient client = client()) {
            client.set("via-proxy", "yes");

            assertThat(client.get("via-proxy")).isEqualTo("yes");
            assertThat(proxy.connectionCount()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void stall_getTimesOut_thenUnstall_clientWorksAgain() {
        try (RedisClient client = client()) {
            client.set("k", "v");

            proxy.stall(true);
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.get("k")).isInstanceOf(JedisConnectionException.class)
                    .hasRootCauseInstanceOf(java.net.SocketTimeoutException.class);
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(waited).as("failed by the 500 ms socket timeout, not at once").isGreaterThanOrEqualTo(Duration.ofMillis(400));

            proxy.stall(false);
            assertThat(client.get("k")).isEqualTo("v");
        }
    }

    @Test
    void cutAll_breaksOpenConnection_newConnectionWorks() {
        // Not try-with-resources: Jedis.close() on a reset socket throws "Broken pipe" itself.
        Jedis victim = new Jedis(proxy.host(), proxy.port(), FAST_TIMEOUTS);
        victim.set("cut", "before");
        assertThat(proxy.connectionCount()).isEqualTo(1);

        proxy.cutAll();

        assertThat(proxy.connectionCount()).isZero();
        assertThatThrownBy(() -> victim.get("cut")).isInstanceOf(JedisConnectionException.class);
        closeQuietly(victim);
        try (Jedis fresh = new Jedis(proxy.host(), proxy.port(), FAST_TIMEOUTS)) {
            assertThat(fresh.get("cut")).isEqualTo("before");
        }
    }

    @Test
    void refuse_newClientFails_existingKeepsWorking() {
        try (Jedis existing = new Jedis(proxy.host(), proxy.port(), FAST_TIMEOUTS)) {
            existing.ping();

            proxy.refuse(true);

            assertThatThrownBy(() -> {
                try (Jedis refused = new Jedis(proxy.host(), proxy.port(), FAST_TIMEOUTS)) {
                    refused.ping();
                }
            }).isInstanceOf(JedisConnectionException.class);
            assertThat(existing.ping()).isEqualTo("PONG");

            proxy.refuse(false);
            try (Jedis accepted = new Jedis(proxy.host(), proxy.port(), FAST_TIMEOUTS)) {
                assertThat(accepted.ping()).isEqualTo("PONG");
            }
        }
    }

    private static void closeQuietly(Jedis jedis) {
        try {
            jedis.close();
        } catch (JedisConnectionException expected) {
            // the socket was reset under it
        }
    }

    private RedisClient client() {
        return RedisClient.builder().hostAndPort(proxy.host(), proxy.port()).clientConfig(FAST_TIMEOUTS).build();
    }
}
