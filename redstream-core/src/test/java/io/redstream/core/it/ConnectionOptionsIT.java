package io.redstream.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.redstream.core.RedStream;
import io.redstream.core.RedStreamConnectionException;
import io.redstream.core.pubsub.PubSubMessage;
import io.redstream.core.pubsub.Subscription;
import io.redstream.testkit.RedisServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** ACL users, database index, health when down, and pub/sub surviving a Redis restart. */
class ConnectionOptionsIT {
    static final String KEY = "nova:agent:alpha:session:1";

    @Test
    void aclUserInUri_authenticatesAndIsLimitedByRedis() {
        try (RedisServerProcess redis = RedisServerProcess.start()) {
            try (Jedis admin = redis.connect()) {
                admin.aclSetUser("app", "on", ">app-password", "~nova:*", "+@all");
            }
            try (RedStream rs = RedStream.builder().redisUri("redis://app:app-password@127.0.0.1:" + redis.port())
                    .build()) {
                rs.state().set(KEY, "v");
                assertThat(rs.state().get(KEY)).hasValue("v");
                assertThat(rs.toString()).doesNotContain("app-password");
            }
            try (RedStream wrong = RedStream.builder().redisUri("redis://app:nope@127.0.0.1:" + redis.port())
                    .build()) {
                assertThatThrownBy(() -> wrong.state().get(KEY)).isInstanceOf(RedStreamConnectionException.class)
                        .hasMessageNotContaining("nope");
            }
        }
    }

    @Test
    void databaseIndexInUri_selectsThatDatabase() {
        try (RedisServerProcess redis = RedisServerProcess.start();
                RedStream rs = RedStream.builder().redisUri(redis.uri() + "/3").build()) {
            rs.state().set(KEY, "in-db-3");
            try (Jedis raw = redis.connect()) {
                assertThat(raw.get(KEY)).isNull();
                raw.select(3);
                assertThat(raw.get(KEY)).isEqualTo("in-db-3");
            }
        }
    }

    @Test
    void health_whenRedisIsDown_reportsDownWithoutThrowing() {
        RedisServerProcess redis = RedisServerProcess.start();
        try (RedStream rs = RedStream.builder().redisUri(redis.uri()).connectTimeout(Duration.ofMillis(300)).build()) {
            assertThat(rs.health().up()).isTrue();
            redis.kill();
            var report = rs.health();
            assertThat(report.up()).isFalse();
            assertThat(report.status()).isEqualTo("DOWN");
            assertThat(report.error()).contains("unreachable");
        } finally {
            redis.close();
        }
    }

    @Test
    void subscription_resubscribesAfterRedisRestart() {
        try (RedisServerProcess redis = RedisServerProcess.start();
                RedStream rs = RedStream.builder().redisUri(redis.uri()).connectTimeout(Duration.ofMillis(300))
                        .build()) {
            List<PubSubMessage> got = Collections.synchronizedList(new ArrayList<>());
            try (Subscription sub = rs.pubsub().subscribe(List.of("nova:broadcast:alerts:all"), List.of(),
                    got::add)) {
                assertThat(sub.awaitSubscribed(Duration.ofSeconds(5))).isTrue();
                rs.pubsub().publish("nova:broadcast:alerts:all", "before");
                await().atMost(Duration.ofSeconds(5)).until(() -> got.size() == 1);

                redis.kill();
                await().atMost(Duration.ofSeconds(5)).until(() -> !sub.isSubscribed());
                redis.restart();
                assertThat(sub.awaitSubscribed(Duration.ofSeconds(15))).isTrue();
                // A pooled connection that predates the restart fails once (see docs/streams.md#errors); the next
                // call gets a fresh one.
                await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                        .until(() -> rs.pubsub().publish("nova:broadcast:alerts:all", "after") == 1);
                await().atMost(Duration.ofSeconds(5)).until(() -> got.size() == 2);
            }
            assertThat(got).extracting(PubSubMessage::message).containsExactly("before", "after");
            assertThat(rs.publish("nova:task:a:b", Map.of("still", "works"))).isNotBlank();
        }
    }
}
