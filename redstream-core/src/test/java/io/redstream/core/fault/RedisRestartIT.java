package io.redstream.core.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redstream.core.RedStream;
import io.redstream.core.RedStreamException;
import io.redstream.core.consumer.ConsumerSettings;
import io.redstream.core.consumer.StreamConsumer;
import io.redstream.core.stream.StreamEntry;
import io.redstream.testkit.AppendFsync;
import io.redstream.testkit.RedisServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Redis (AOF, fsync every second) is killed with SIGKILL and restarted while a producer publishes and a worker
 * consumes. Every publish that returned an id must survive and be processed; the worker resumes by itself.
 *
 * <p>SIGKILL of the Redis process (not of the machine) loses nothing that was acknowledged: Redis writes the AOF
 * buffer to the file before it replies, and the kernel keeps written pages; {@code everysec} only bounds what an
 * OS crash could lose.
 */
class RedisRestartIT {

    @Test
    void redisKilledAndRestarted_noAcknowledgedPublishLost_workerResumes() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.builder().appendOnly(true)
                .appendFsync(AppendFsync.EVERYSEC).start();
                RedStream rs = RedStream.builder().redisUri(redis.uri()).identity("restart-test")
                        .connectTimeout(Duration.ofMillis(300)).socketTimeout(Duration.ofSeconds(1)).build()) {
            Set<String> processed = Collections.synchronizedSet(new HashSet<>());
            ConsumerSettings settings = ConsumerSettings.builder(FaultStreams.WORK, FaultStreams.GROUP, "w1")
                    .block(Duration.ofMillis(100)).maxBackoff(Duration.ofMillis(200)).concurrency(2).build();
            List<String> acknowledgedIds = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger failedPublishes = new AtomicInteger();
            AtomicBoolean producing = new AtomicBoolean(true);
            try (StreamConsumer worker = rs.consumer(settings, e -> processed.add(e.id()))) {
                Thread producer = new Thread(() -> {
                    int i = 0;
                    while (producing.get()) {
                        try {
                            acknowledgedIds.add(rs.publish(FaultStreams.WORK, Map.of("i", i++)));
                        } catch (RedStreamException e) {
                            failedPublishes.incrementAndGet();
                            sleep(20);
                        }
                    }
                }, "producer");
                producer.start();

                await().atMost(Duration.ofSeconds(20)).until(() -> processed.size() >= 500);
                redis.kill();
                sleep(500);
                redis.restart();
                int atRestart = acknowledgedIds.size();
                await().atMost(Duration.ofSeconds(30)).until(() -> acknowledgedIds.size() >= atRestart + 500);
                producing.set(false);
                producer.join(10_000);

                await().atMost(Duration.ofSeconds(30)).until(() -> processed.containsAll(acknowledgedIds));
                assertThat(worker.isRunning()).isTrue();
            }
            Set<String> stored = new HashSet<>();
            String after = "-";
            for (List<StreamEntry> page; !(page = rs.streams().range(FaultStreams.WORK, after, "+", 5_000))
                    .isEmpty(); after = "(" + page.get(page.size() - 1).id()) {
                page.forEach(e -> stored.add(e.id()));
            }
            assertThat(stored).containsAll(acknowledgedIds);
            assertThat(failedPublishes.get()).as("publishes refused while Redis was down").isPositive();
            System.out.printf("restart test: %d publishes acknowledged, %d refused while down, %d processed%n",
                    acknowledgedIds.size(), failedPublishes.get(), processed.size());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
