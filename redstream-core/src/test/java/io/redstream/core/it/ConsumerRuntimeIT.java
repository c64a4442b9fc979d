package io.redstream.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redstream.core.RedStream;
import io.redstream.core.consumer.ConsumerSettings;
import io.redstream.core.consumer.StreamConsumer;
import io.redstream.core.stream.DeadLetterFields;
import io.redstream.core.stream.StreamEntry;
import io.redstream.testkit.RedisServerExtension;
import io.redstream.testkit.RedisServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The delivery rules of the consumer runtime, each on a real Redis. */
@ExtendWith(RedisServerExtension.class)
class ConsumerRuntimeIT {
    static final String STREAM = "nova:task:boomerang:tasks";
    static final String DLQ = STREAM + ":dlq";
    static final String GROUP = "workers";
    static final Duration WAIT = Duration.ofSeconds(20);

    private final StandaloneTarget target;
    private RedStream rs;
    private final List<StreamConsumer> consumers = new ArrayList<>();

    ConsumerRuntimeIT(RedisServerProcess redis) {
        this.target = new StandaloneTarget(redis);
    }

    @BeforeEach
    void connect() {
        target.flushAll();
        rs = target.builder().identity("runtime-suite").build();
    }

    @AfterEach
    void disconnect() {
        consumers.forEach(StreamConsumer::close);
        rs.close();
    }

    private ConsumerSettings.Builder settings(String consumer) {
        return ConsumerSettings.builder(STREAM, GROUP, consumer).block(Duration.ofMillis(100))
                .retryDelay(Duration.ofMillis(20)).maxRetryDelay(Duration.ofMillis(100))
                .ackInterval(Duration.ofMillis(10));
    }

    private StreamConsumer start(ConsumerSettings settings, io.redstream.core.consumer.MessageHandler handler) {
        StreamConsumer c = rs.consumer(settings, handler);
        consumers.add(c);
        return c;
    }

    private List<String> publish(int n, String prefix) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(rs.publish(STREAM, Map.of("n", prefix + i)));
        }
        return ids;
    }

    @Test
    void start_drainsOwnPendingBeforeReadingNew() {
        rs.groups().create(STREAM, GROUP, "0");
        List<String> old = publish(3, "old");
        rs.groups().read(STREAM, GROUP, "w1", 10, Duration.ZERO); // delivered to w1, never acked: w1 "crashed"
        List<String> fresh = publish(2, "new");

        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        start(settings("w1").build(), e -> seen.add(e.id()));

        await().atMost(WAIT).until(() -> seen.size() == 5 && rs.groups().pending(STREAM, GROUP).count() == 0);
        assertThat(seen.subList(0, 3)).containsExactlyElementsOf(old);
        assertThat(seen.subList(3, 5)).containsExactlyElementsOf(fresh);
    }

    @Test
    void handler_ackedOnlyAfterItReturns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        StreamConsumer c = start(settings("w1").build(), e -> {
            entered.countDown();
            release.await(10, TimeUnit.SECONDS);
        });
        publish(1, "x");
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100); // several ack intervals pass while the handler runs
        assertThat(rs.groups().pending(STREAM, GROUP).count()).isEqualTo(1);
        release.countDown();
        await().atMost(WAIT).until(() -> rs.groups().pending(STREAM, GROUP).count() == 0);
        assertThat(c.stats().processed()).isEqualTo(1);
        assertThat(c.stats().acknowledged()).isEqualTo(1);
    }

    @Test
    void poisonMessage_deadLetteredAfterExactlyMaxDeliveriesWithReason() {
        AtomicInteger attempts = new AtomicInteger();
        StreamConsumer c = start(settings("w1").maxDeliveries(4).build(), e -> {
            if (e.get("n").equals("poison0")) {
                attempts.incrementAndGet();
                throw new IllegalStateException("cannot parse order 17");
            }
        });
        String poison = publish(1, "poison").get(0);
        publish(3, "ok");

        await().atMost(WAIT).until(() -> rs.streams().length(DLQ) == 1
                && rs.groups().pending(STREAM, GROUP).count() == 0);
        assertThat(attempts).hasValue(4);
        StreamEntry dead = rs.streams().range(DLQ, "-", "+", 10).get(0);
        assertThat(dead.get(DeadLetterFields.ORIGINAL_ID)).isEqualTo(poison);
        assertThat(dead.get(DeadLetterFields.REASON)).contains("IllegalStateException").contains("cannot parse order 17");
        assertThat(dead.get(DeadLetterFields.DELIVERIES)).isEqualTo("4");
        assertThat(dead.get(DeadLetterFields.GROUP)).isEqualTo(GROUP);
        assertThat(dead.get("n")).isEqualTo("poison0");
        assertThat(c.stats().deadLettered()).isEqualTo(1);
        assertThat(c.stats().processed()).isEqualTo(3);
        assertThat(c.stats().retried()).isEqualTo(3);
    }

    @Test
    void transientFailure_retriedThenSucceeds() {
        Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
        StreamConsumer c = start(settings("w1").build(), e -> {
            if (tries.computeIfAbsent(e.id(), k -> new AtomicInteger()).incrementAndGet() < 3) {
                throw new RuntimeException("flaky downstream");
            }
        });
        String id = publish(1, "x").get(0);
        await().atMost(WAIT).until(() -> c.stats().processed() == 1
                && rs.groups().pending(STREAM, GROUP).count() == 0);
        assertThat(tries.get(id)).hasValue(3);
        assertThat(rs.streams().length(DLQ)).isZero();
    }

    @Test
    void oneBadMessageOrError_neverStopsTheLoop() {
        List<String> done = Collections.synchronizedList(new ArrayList<>());
        start(settings("w1").maxDeliveries(1).build(), e -> {
            String n = e.get("n");
            if (n.endsWith("1")) {
                throw new AssertionError("an Error, not an Exception");
            }
            if (n.endsWith("2")) {
                throw new NullPointerException();
            }
            done.add(n);
        });
        publish(5, "m");
        await().atMost(WAIT).until(() -> done.size() == 3 && rs.streams().length(DLQ) == 2);
        assertThat(done).containsExactlyInAnyOrder("m0", "m3", "m4");
    }

    @Test
    void deadConsumersEntries_autoClaimedAndProcessed() {
        rs.groups().create(STREAM, GROUP, "0");
        publish(5, "orphan");
        rs.groups().read(STREAM, GROUP, "dead", 10, Duration.ZERO);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        StreamConsumer c = start(settings("alive").claimMinIdle(Duration.ofMillis(200))
                .keepAliveInterval(Duration.ofMillis(50)).claimInterval(Duration.ofMillis(100)).build(),
                e -> seen.add(e.get("n")));
        await().atMost(WAIT).until(() -> seen.size() == 5 && rs.groups().pending(STREAM, GROUP).count() == 0);
        assertThat(c.stats().claimed()).isEqualTo(5);
    }

    @Test
    void slowButAliveHandler_isNotRobbedByAnotherConsumer() throws Exception {
        AtomicInteger invocations = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        start(ConsumerSettings.builder(STREAM, GROUP, "slow").block(Duration.ofMillis(100))
                .claimMinIdle(Duration.ofMillis(300)).keepAliveInterval(Duration.ofMillis(50))
                .claimInterval(Duration.ofMillis(50)).ackInterval(Duration.ofMillis(10)).build(), e -> {
                    invocations.incrementAndGet();
                    started.countDown();
                    Thread.sleep(1500); // five times the claim threshold
                });
        publish(1, "slow");
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        start(ConsumerSettings.builder(STREAM, GROUP, "thief").block(Duration.ofMillis(100))
                .claimMinIdle(Duration.ofMillis(300)).keepAliveInterval(Duration.ofMillis(50))
                .claimInterval(Duration.ofMillis(50)).build(), e -> invocations.incrementAndGet());
        await().atMost(WAIT).until(() -> rs.groups().pending(STREAM, GROUP).count() == 0);
        assertThat(invocations).hasValue(1);
    }

    @Test
    void entryTrimmedWhilePending_isDeadLetteredAndLoopContinues() {
        rs.groups().create(STREAM, GROUP, "0");
        List<String> ids = publish(3, "t");
        rs.groups().read(STREAM, GROUP, "w1", 10, Duration.ZERO);
        target.xdel(STREAM, ids.get(1));
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        StreamConsumer c = start(settings("w1").build(), e -> seen.add(e.id()));
        publish(1, "after");
        await().atMost(WAIT).until(() -> seen.size() == 3 && rs.groups().pending(STREAM, GROUP).count() == 0);
        assertThat(seen).contains(ids.get(0), ids.get(2)).doesNotContain(ids.get(1));
        assertThat(c.stats().deleted()).isEqualTo(1);
        assertThat(rs.streams().range(DLQ, "-", "+", 10)).singleElement()
                .satisfies(d -> assertThat(d.get(DeadLetterFields.ORIGINAL_ID)).isEqualTo(ids.get(1)));
    }

    @Test
    void groupDestroyedWhileRunning_isRecreatedAndConsumptionResumes() {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        start(settings("w1").build(), e -> seen.add(e.get("n")));
        publish(1, "a");
        await().atMost(WAIT).until(() -> seen.size() == 1);
        rs.groups().destroy(STREAM, GROUP);
        publish(1, "b");
        await().atMost(WAIT).until(() -> seen.contains("b0"));
        assertThat(rs.groups().list(STREAM)).extracting(g -> g.name()).containsExactly(GROUP);
    }

    @Test
    void maxInFlight_boundsWhatIsDeliveredWhileHandlersAreBusy() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        StreamConsumer c = start(settings("w1").concurrency(1).maxInFlight(3).batchSize(10).build(),
                e -> release.await(20, TimeUnit.SECONDS));
        publish(20, "m");
        await().atMost(WAIT).until(() -> rs.groups().pending(STREAM, GROUP).count() == 3);
        Thread.sleep(300); // many read cycles pass; the bound holds
        assertThat(rs.groups().pending(STREAM, GROUP).count()).isEqualTo(3);
        release.countDown();
        await().atMost(WAIT).until(() -> c.stats().processed() == 20
                && rs.groups().pending(STREAM, GROUP).count() == 0);
    }

    @Test
    void close_letsInFlightFinishAcksThemAndReturns() throws Exception {
        CountDownLatch entered = new CountDownLatch(2);
        StreamConsumer c = rs.consumer(settings("w1").concurrency(2).build(), e -> {
            entered.countDown();
            Thread.sleep(400);
        });
        publish(2, "m");
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(c.close(Duration.ofSeconds(10))).isTrue();
        assertThat(c.isRunning()).isFalse();
        assertThat(c.stats().processed()).isEqualTo(2);
        assertThat(rs.groups().pending(STREAM, GROUP).count()).isZero();
        c.close(); // idempotent
    }

    @Test
    void meters_exposeWorkerCountersWhenARegistryIsGiven() {
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        try (RedStream metered = target.builder().meterRegistry(registry).build()) {
            StreamConsumer c = metered.consumer(settings("metered").maxDeliveries(1).build(), e -> {
                if (e.get("n").equals("m1")) {
                    throw new IllegalStateException("bad");
                }
            });
            try {
                publish(3, "m");
                await().atMost(WAIT).until(() -> c.stats().processed() == 2 && c.stats().deadLettered() == 1
                        && c.stats().acknowledged() == 2);
                var tags = io.micrometer.core.instrument.Tags.of("stream", STREAM, "group", GROUP, "consumer",
                        "metered");
                assertThat(registry.get("redstream.consumer.processed").tags(tags).functionCounter().count())
                        .isEqualTo(2);
                assertThat(registry.get("redstream.consumer.failed").tags(tags).functionCounter().count())
                        .isEqualTo(1);
                assertThat(registry.get("redstream.consumer.deadlettered").tags(tags).functionCounter().count())
                        .isEqualTo(1);
                assertThat(registry.get("redstream.consumer.inflight").tags(tags).gauge().value()).isZero();
            } finally {
                c.close();
            }
            assertThat(registry.find("redstream.consumer.processed").tags("consumer", "metered").meters())
                    .isEmpty();
        }
    }
}
