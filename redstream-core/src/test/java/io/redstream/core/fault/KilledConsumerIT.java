package io.redstream.core.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redstream.core.RedStream;
import io.redstream.core.consumer.ConsumerSettings;
import io.redstream.core.consumer.StreamConsumer;
import io.redstream.core.stream.PublishOptions;
import io.redstream.core.stream.StreamEntry;
import io.redstream.testkit.RedisServerProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A consumer JVM is killed with SIGKILL while 10,000 messages flow; a second consumer takes over its pending
 * entries. Every message must be processed at least once, and the only duplicates allowed are the entries the
 * killed JVM had handled but not yet acknowledged: at most its in-flight bound plus one ack batch.
 */
class KilledConsumerIT {
    static final int MESSAGES = 10_000;

    @Test
    void consumerKilledMidBatch_secondConsumerFinishes_duplicatesOnlyInFlight() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start();
                RedStream rs = RedStream.builder().redisUri(redis.uri()).identity("fault-test").build()) {
            rs.groups().create(FaultStreams.WORK, FaultStreams.GROUP, "0");
            Set<String> published = new HashSet<>();
            List<Map<String, ?>> batch = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                batch.add(Map.of("i", i));
                if (batch.size() == 1000) {
                    published.addAll(rs.streams().publishBatch(FaultStreams.WORK, batch, PublishOptions.DEFAULT));
                    batch.clear();
                }
            }

            Process victim = startConsumerJvm(redis.uri(), "victim");
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                        .until(() -> rs.streams().length(FaultStreams.PROCESSED) >= 2_000);
                victim.destroyForcibly(); // SIGKILL: no shutdown hook, no final ack
                assertThat(victim.waitFor(10, TimeUnit.SECONDS)).isTrue();
            } finally {
                victim.destroyForcibly();
            }
            long pendingAtKill = rs.groups().pending(FaultStreams.WORK, FaultStreams.GROUP).consumers()
                    .getOrDefault("victim", 0L);

            ConsumerSettings rescue = ConsumerSettings.builder(FaultStreams.WORK, FaultStreams.GROUP, "rescuer")
                    .concurrency(4).claimMinIdle(Duration.ofMillis(500)).keepAliveInterval(Duration.ofMillis(200))
                    .claimInterval(Duration.ofMillis(200)).block(Duration.ofMillis(200)).build();
            try (StreamConsumer rescuer = rs.consumer(rescue, e ->
                    rs.publish(FaultStreams.PROCESSED, Map.of("id", e.id(), "by", "rescuer")))) {
                await().atMost(Duration.ofSeconds(90)).until(() ->
                        rs.groups().pending(FaultStreams.WORK, FaultStreams.GROUP).count() == 0
                                && distinctProcessed(rs).size() == MESSAGES);
            }

            Map<String, Integer> counts = processedCounts(rs);
            assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(published);
            long duplicates = counts.values().stream().filter(c -> c > 1).count();
            long maxDuplicates = FaultStreams.MAX_IN_FLIGHT + FaultStreams.ACK_BATCH;
            System.out.printf("kill -9 test: victim had %d pending at kill; %d duplicates (bound %d)%n",
                    pendingAtKill, duplicates, maxDuplicates);
            assertThat(duplicates).isLessThanOrEqualTo(Math.min(maxDuplicates, pendingAtKill));
            assertThat(counts.values()).allMatch(c -> c <= 2);
        }
    }

    private static Process startConsumerJvm(String uri, String name) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", classpath,
                ConsumerProcessMain.class.getName(), uri, name);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.contains("READY")) {
            // skip start-up logging
        }
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keep the pipe empty so the child never blocks on stdout
                }
            } catch (Exception ignored) {
                // the child was killed
            }
        }, "victim-output");
        drain.setDaemon(true);
        drain.start();
        return p;
    }

    private static Set<String> distinctProcessed(RedStream rs) {
        return processedCounts(rs).keySet();
    }

    private static Map<String, Integer> processedCounts(RedStream rs) {
        Map<String, Integer> counts = new HashMap<>();
        String after = "-";
        while (true) {
            List<StreamEntry> page = rs.streams().range(FaultStreams.PROCESSED, after, "+", 5000);
            if (page.isEmpty()) {
                return counts;
            }
            for (StreamEntry e : page) {
                counts.merge(e.get("id"), 1, Integer::sum);
            }
            after = "(" + page.get(page.size() - 1).id();
        }
    }
}
