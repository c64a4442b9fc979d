package io.redstream.core.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.redstream.core.Limits;
import io.redstream.core.RedStream;
import io.redstream.core.RedStreamConnectionException;
import io.redstream.core.RedStreamException;
import io.redstream.core.consumer.ConsumerSettings;
import io.redstream.core.consumer.StreamConsumer;
import io.redstream.testkit.FaultProxy;
import io.redstream.testkit.RedisServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Connections cut and stalled between client and Redis by an in-process TCP proxy: no hang, no loss. */
class ConnectionFaultIT {

    @Test
    void stalledConnection_blockingReadFailsWithinTimeoutInsteadOfHanging() {
        try (RedisServerProcess redis = RedisServerProcess.start();
                FaultProxy proxy = FaultProxy.forServer(redis);
                RedStream rs = RedStream.builder().redisUri(proxy.uri()).socketTimeout(Duration.ofMillis(500))
                        .connectTimeout(Duration.ofMillis(500))
                        .limits(Limits.builder().maxBlock(Duration.ofSeconds(2)).build()).build()) {
            rs.groups().create(FaultStreams.WORK, FaultStreams.GROUP, "$");
            proxy.stall(true);
            long start = System.nanoTime();
            assertThatThrownBy(() -> rs.groups().read(FaultStreams.WORK, FaultStreams.GROUP, "c", 10,
                    Duration.ofMillis(300)))
                    .isInstanceOf(RedStreamConnectionException.class);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            // Blocking calls time out at limits.maxBlock + socketTimeout (2.5 s here): a stall is detected, never
            // waited on forever.
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(2000)).isLessThan(Duration.ofSeconds(10));
            proxy.stall(false);
            proxy.cutAll();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> rs.publish(FaultStreams.WORK, Map.of("a", "1")) != null);
        }
    }

    @Test
    void connectionsCutRepeatedly_workerLosesNothing() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start();
                FaultProxy proxy = FaultProxy.forServer(redis);
                RedStream direct = RedStream.builder().redisUri(redis.uri()).build();
                RedStream viaProxy = RedStream.builder().redisUri(proxy.uri()).socketTimeout(Duration.ofSeconds(1))
                        .connectTimeout(Duration.ofMillis(500)).build()) {
            Set<String> processed = Collections.synchronizedSet(new HashSet<>());
            ConsumerSettings settings = ConsumerSettings.builder(FaultStreams.WORK, FaultStreams.GROUP, "w1")
                    .block(Duration.ofMillis(100)).maxBackoff(Duration.ofMillis(200)).build();
            List<String> published = new ArrayList<>();
            try (StreamConsumer worker = viaProxy.consumer(settings, e -> processed.add(e.id()))) {
                for (int round = 0; round < 5; round++) {
                    for (int i = 0; i < 200; i++) {
                        published.add(direct.publish(FaultStreams.WORK, Map.of("r", round, "i", i)));
                    }
                    Thread.sleep(50);
                    proxy.cutAll();
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> processed.containsAll(published)
                        && direct.groups().pending(FaultStreams.WORK, FaultStreams.GROUP).count() == 0);
                assertThat(worker.isRunning()).isTrue();
            }
            assertThat(processed).containsAll(published);
        }
    }

    @Test
    void publishesThroughFlakyConnection_everyReturnedIdIsStored() {
        try (RedisServerProcess redis = RedisServerProcess.start();
                FaultProxy proxy = FaultProxy.forServer(redis);
                RedStream rs = RedStream.builder().redisUri(proxy.uri()).socketTimeout(Duration.ofMillis(500))
                        .connectTimeout(Duration.ofMillis(500)).build()) {
            List<String> ok = new ArrayList<>();
            int failed = 0;
            for (int i = 0; i < 2000; i++) {
                if (i % 250 == 125) {
                    proxy.cutAll();
                }
                try {
                    ok.add(rs.publish(FaultStreams.WORK, Map.of("i", i)));
                } catch (RedStreamException e) {
                    failed++;
                }
            }
            Set<String> stored = new HashSet<>();
            rs.streams().range(FaultStreams.WORK, "-", "+", 10_000).forEach(e -> stored.add(e.id()));
            assertThat(stored).containsAll(ok);
            assertThat(ok.size() + failed).isEqualTo(2000);
        }
    }

    @Test
    void connectionCutWhileAcksAreBuffered_finishedEntriesAreNotHandledAgain() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start();
                FaultProxy proxy = FaultProxy.forServer(redis);
                RedStream direct = RedStream.builder().redisUri(redis.uri()).build();
                RedStream viaProxy = RedStream.builder().redisUri(proxy.uri()).socketTimeout(Duration.ofSeconds(1))
                        .connectTimeout(Duration.ofMillis(500)).build()) {
            java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> calls =
                    new java.util.concurrent.ConcurrentHashMap<>();
            // Acks wait up to 2 s in the buffer, so the cut below lands between "handled" and "acknowledged".
            ConsumerSettings settings = ConsumerSettings.builder(FaultStreams.WORK, FaultStreams.GROUP, "w1")
                    .block(Duration.ofMillis(100)).maxBackoff(Duration.ofMillis(100)).ackBatchSize(1000)
                    .ackInterval(Duration.ofSeconds(2)).build();
            try (StreamConsumer worker = viaProxy.consumer(settings, e ->
                    calls.computeIfAbsent(e.id(), k -> new java.util.concurrent.atomic.AtomicInteger())
                            .incrementAndGet())) {
                for (int i = 0; i < 50; i++) {
                    direct.publish(FaultStreams.WORK, Map.of("i", i));
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> worker.stats().processed() == 50);
                assertThat(worker.stats().acknowledged()).isZero();
                proxy.cutAll(); // the reader reconnects and re-reads its own pending list
                await().atMost(Duration.ofSeconds(15)).until(() ->
                        direct.groups().pending(FaultStreams.WORK, FaultStreams.GROUP).count() == 0);
            }
            assertThat(calls).hasSize(50);
            assertThat(calls.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
        }
    }
}
