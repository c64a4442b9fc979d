package io.redstream.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.redstream.core.InvalidArgumentException;
import io.redstream.core.InvalidNameException;
import io.redstream.core.LimitExceededException;
import io.redstream.core.RedStream;
import io.redstream.core.ScanPage;
import io.redstream.core.health.HealthReport;
import io.redstream.core.pubsub.CollectedMessages;
import io.redstream.core.pubsub.PubSubMessage;
import io.redstream.core.pubsub.Subscription;
import io.redstream.core.state.KeyState;
import io.redstream.core.state.SetOptions;
import io.redstream.core.state.Ttl;
import io.redstream.core.tx.TransactionResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** State, pub/sub, transactions, health and metrics, run against both topologies. */
abstract class StateContract {
    static final String SESSION = "nova:agent:alpha:session:42";
    static final String OTHER = "nova:agent:beta:session:7";
    static final String COUNTER = "nova:task:boomerang:counter";
    static final String CHANNEL = "nova:broadcast:alerts:all";

    protected abstract RedisTarget target();

    RedStream rs;

    @BeforeEach
    void connect() {
        target().flushAll();
        rs = target().builder().identity("state-suite").build();
    }

    @AfterEach
    void disconnect() {
        rs.close();
    }

    @Test
    void setAndGet_stringsAsIsOthersAsJson() {
        assertThat(rs.state().set(SESSION, "hello")).isTrue();
        assertThat(rs.state().get(SESSION)).hasValue("hello");
        rs.state().set(OTHER, Map.of("step", 3, "done", false));
        assertThat(rs.state().get(OTHER, Map.class)).hasValueSatisfying(m ->
                assertThat(m).containsEntry("step", 3).containsEntry("done", false));
        assertThat(rs.state().get("nova:agent:alpha:missing:1")).isEmpty();
    }

    @Test
    void set_withTtlAndConditions() {
        assertThat(rs.state().set(SESSION, "a", SetOptions.ttl(Duration.ofSeconds(30)).ifAbsent())).isTrue();
        assertThat(rs.state().set(SESSION, "b", SetOptions.DEFAULT.ifAbsent())).isFalse();
        assertThat(rs.state().get(SESSION)).hasValue("a");
        assertThat(rs.state().set(OTHER, "x", SetOptions.DEFAULT.ifPresent())).isFalse();
        assertThat(rs.state().get(OTHER)).isEmpty();

        KeyState s = rs.state().inspect(SESSION);
        assertThat(s.exists()).isTrue();
        assertThat(s.value()).isEqualTo("a");
        assertThat(s.ttl()).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30));
    }

    @Test
    void ttl_expiresKeyWithoutSleepingPastIt() {
        rs.state().set(SESSION, "short", SetOptions.ttl(Duration.ofMillis(150)));
        await().atMost(Duration.ofSeconds(5)).until(() -> rs.state().get(SESSION).isEmpty());
        assertThat(rs.state().ttl(SESSION)).isEqualTo(new Ttl(false, null));
    }

    @Test
    void expireAndTtl_reportExistenceAndPersistence() {
        rs.state().set(SESSION, "v");
        assertThat(rs.state().ttl(SESSION).isPersistent()).isTrue();
        assertThat(rs.state().expire(SESSION, Duration.ofMinutes(1))).isTrue();
        assertThat(rs.state().ttl(SESSION).remaining()).isGreaterThan(Duration.ofSeconds(50));
        assertThat(rs.state().expire(OTHER, Duration.ofMinutes(1))).isFalse();
    }

    @Test
    void delete_manyKeysAcrossSlots() {
        rs.state().set(SESSION, "1");
        rs.state().set(OTHER, "2");
        rs.state().set(COUNTER, "3");
        assertThat(rs.state().delete(List.of(SESSION, OTHER, COUNTER, "nova:agent:none:x:1"))).isEqualTo(3);
        assertThat(target().dbSize()).isZero();
    }

    @Test
    void increment_countsFromZero() {
        assertThat(rs.state().increment(COUNTER, 5)).isEqualTo(5);
        assertThat(rs.state().increment(COUNTER, -2)).isEqualTo(3);
    }

    @Test
    void scan_pagesThroughMatchingKeysOnly() {
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            String k = "nova:agent:a" + i + ":session:" + i;
            rs.state().set(k, "v");
            expected.add(k);
        }
        rs.state().set(COUNTER, "1");
        Set<String> seen = new HashSet<>();
        String cursor = "0";
        int pages = 0;
        do {
            ScanPage page = rs.state().scan("nova:agent:*", cursor, 10);
            seen.addAll(page.names());
            cursor = page.cursor();
            pages++;
        } while (!"0".equals(cursor) && pages < 1000);
        assertThat(seen).isEqualTo(expected);
    }

    @Test
    void badState_inputIsRejectedAndNothingWritten() {
        assertThatThrownBy(() -> rs.state().set("session-42", "v")).isInstanceOf(InvalidNameException.class);
        assertThatThrownBy(() -> rs.state().set(SESSION, "x".repeat(1024 * 1024 + 1)))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("at most 1048576 bytes");
        assertThatThrownBy(() -> rs.state().expire(SESSION, Duration.ZERO))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("ttl must be at least 1 ms");
        assertThatThrownBy(() -> rs.state().delete(List.of())).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("keys must not be empty");
        assertThatThrownBy(() -> SetOptions.ttl(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl must be positive");
        assertThatThrownBy(() -> rs.state().scan("*", "0", 10)).isInstanceOf(InvalidNameException.class);
        assertThat(target().dbSize()).isZero();
    }

    @Test
    void transaction_appliesAllAtomicallyAndReportsResults() {
        String note = sameSlotAs(COUNTER, COUNTER + ":note");
        String none = sameSlotAs(COUNTER, COUNTER + ":none");
        rs.state().set(COUNTER, "10");
        TransactionResult r = rs.transaction()
                .get(COUNTER)
                .increment(COUNTER, 5, null)
                .set(note, "n", Duration.ofMinutes(5))
                .expire(COUNTER, Duration.ofMinutes(1))
                .delete(none)
                .execute();
        assertThat(r.committed()).isTrue();
        assertThat(r.results()).containsExactly("10", 15L, true, true, 0L);
        assertThat(rs.state().ttl(note).remaining()).isGreaterThan(Duration.ofMinutes(4));
    }

    @Test
    void transaction_keysInSeveralSlots_rejectedOnClusterBeforeAnythingIsSent() {
        rs.state().set(SESSION, "keep");
        var tx = rs.transaction().set(SESSION, "changed", null).set(COUNTER, "1", null);
        if (target().isCluster()) {
            assertThatThrownBy(tx::execute).isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("must share one hash slot").hasMessageContaining("nothing was sent");
            assertThat(rs.state().get(SESSION)).hasValue("keep");
            assertThat(rs.state().get(COUNTER)).isEmpty();
        } else {
            assertThat(tx.execute().committed()).isTrue();
            assertThat(rs.state().get(SESSION)).hasValue("changed");
        }
    }

    /** A key under {@code prefix} that hashes to the same cluster slot as {@code key} (names cannot carry tags). */
    static String sameSlotAs(String key, String prefix) {
        int slot = redis.clients.jedis.util.JedisClusterCRC16.getSlot(key);
        for (int i = 0; ; i++) {
            String candidate = prefix + ":" + i;
            if (redis.clients.jedis.util.JedisClusterCRC16.getSlot(candidate) == slot) {
                return candidate;
            }
        }
    }

    @Test
    void transaction_invalidOperation_sendsNothing() {
        rs.state().set(SESSION, "keep");
        assertThatThrownBy(() -> rs.transaction().set(SESSION, "changed", null).set("bad-key", "x", null).execute())
                .isInstanceOf(InvalidNameException.class);
        assertThat(rs.state().get(SESSION)).hasValue("keep");
        assertThatThrownBy(() -> rs.transaction().expire(SESSION, null).execute())
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("operations[0].ttl is required");
    }

    @Test
    void pubsub_subscribeReceivesChannelAndPatternMessages() throws Exception {
        List<PubSubMessage> got = Collections.synchronizedList(new ArrayList<>());
        try (Subscription sub = rs.pubsub().subscribe(List.of(CHANNEL), List.of("nova:agent:*"), got::add)) {
            assertThat(sub.awaitSubscribed(Duration.ofSeconds(5))).isTrue();
            rs.pubsub().publish(CHANNEL, "hello");
            rs.pubsub().publish("nova:agent:alpha:inbox", "hi alpha");
            await().atMost(Duration.ofSeconds(5)).until(() -> got.size() == 2);
        }
        assertThat(got).extracting(PubSubMessage::message).containsExactlyInAnyOrder("hello", "hi alpha");
        assertThat(got).filteredOn(m -> m.pattern() != null).singleElement()
                .satisfies(m -> assertThat(m.pattern()).isEqualTo("nova:agent:*"));
    }

    @Test
    void pubsub_collectStopsAtMaxOrTimeout() {
        CompletableFuture<CollectedMessages> collecting = CompletableFuture.supplyAsync(() ->
                rs.pubsub().collect(List.of(CHANNEL), List.of(), Duration.ofSeconds(10), 2));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            rs.pubsub().publish(CHANNEL, "m");
            return collecting.isDone();
        });
        CollectedMessages full = collecting.join();
        assertThat(full.messages()).hasSize(2);
        assertThat(full.timedOut()).isFalse();

        CollectedMessages none = rs.pubsub().collect(List.of(CHANNEL), List.of(), Duration.ofMillis(200), 5);
        assertThat(none.messages()).isEmpty();
        assertThat(none.timedOut()).isTrue();
    }

    @Test
    void pubsub_badInput_isRejected() {
        assertThatThrownBy(() -> rs.pubsub().subscribe(List.of(), List.of(), m -> { }))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("must not both be empty");
        assertThatThrownBy(() -> rs.pubsub().subscribe(List.of(), List.of("*"), m -> { }))
                .isInstanceOf(InvalidNameException.class);
        assertThatThrownBy(() -> rs.pubsub().collect(List.of(CHANNEL), List.of(), Duration.ofMinutes(5), 1))
                .isInstanceOf(LimitExceededException.class);
    }

    @Test
    void health_reportsUpWithVersionAndTopology() {
        HealthReport h = rs.health();
        assertThat(h.up()).isTrue();
        assertThat(h.status()).isEqualTo("UP");
        assertThat(h.redisVersion()).startsWith("7.");
        assertThat(h.latency()).isPositive();
        assertThat(h.topology()).startsWith(target().isCluster() ? "cluster" : "standalone");
        assertThat(h.error()).isNull();
    }

    @Test
    void metrics_recordTimersPerOperationWhenARegistryIsGiven() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (RedStream metered = target().builder().meterRegistry(registry).build()) {
            metered.publish("nova:task:boomerang:tasks", Map.of("a", "1"));
            metered.state().set(SESSION, "v");
            assertThatThrownBy(() -> metered.groups().read("nova:task:boomerang:tasks", "nogroup", "c", 1,
                    Duration.ZERO));
        }
        assertThat(registry.get("redstream.operation").tag("operation", "stream.publish").tag("outcome", "success")
                .timer().count()).isEqualTo(1);
        assertThat(registry.get("redstream.operation").tag("operation", "key.set").timer().count()).isEqualTo(1);
        assertThat(registry.get("redstream.operation").tag("operation", "group.read").tag("outcome", "error")
                .timer().count()).isEqualTo(1);
    }
}
