package io.redstream.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

@ExtendWith(RedisServerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisServerExtensionIT {

    private static RedisServerProcess firstSeen;
    private final RedisServerProcess injectedIntoConstructor;

    RedisServerExtensionIT(RedisServerProcess redis) {
        this.injectedIntoConstructor = redis;
    }

    @BeforeEach
    void clean(RedisServerProcess redis) {
        redis.flushAll();
    }

    @Test
    @Order(1)
    void resolvedServer_isRunningAndTheSameEverywhere(RedisServerProcess redis) {
        firstSeen = redis;
        assertThat(redis).isSameAs(injectedIntoConstructor);
        assertThat(redis.isAlive()).isTrue();
        try (Jedis jedis = redis.connect()) {
            assertThat(jedis.ping()).isEqualTo("PONG");
            jedis.set("left-behind", "by test 1");
        }
    }

    @Test
    @Order(2)
    void nextTest_getsTheSameServer_cleanedByFlushAll(RedisServerProcess redis) {
        assertThat(redis).isSameAs(firstSeen);
        try (Jedis jedis = redis.connect()) {
            assertThat(jedis.exists("left-behind")).isFalse();
        }
    }

    @Test
    @Order(3)
    void testThatKillsTheSharedServer(RedisServerProcess redis) {
        redis.kill();
        assertThat(redis.isAlive()).isFalse();
    }

    @Test
    @Order(4)
    void afterAKill_theSharedServerIsRestartedOnTheSamePort(RedisServerProcess redis) {
        int port = firstSeen.port();
        assertThat(redis).isSameAs(firstSeen);
        assertThat(redis.isAlive()).isTrue();
        assertThat(redis.port()).isEqualTo(port);
    }
}
