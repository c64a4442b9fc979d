package io.redstream.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redstream.core.InvalidArgumentException;
import io.redstream.core.InvalidNameException;
import io.redstream.core.LimitExceededException;
import io.redstream.core.NotFoundException;
import io.redstream.core.RedStream;
import io.redstream.core.stream.BatcherSettings;
import io.redstream.core.stream.MessageFields;
import io.redstream.core.stream.PublishBatcher;
import io.redstream.core.stream.PublishOptions;
import io.redstream.core.stream.StreamEntry;
import io.redstream.core.stream.StreamInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The streams contract, run unchanged against a standalone Redis and a 3-master cluster. Streams are spread over
 * names that hash to different slots, so multi-stream reads cross nodes on the cluster.
 */
abstract class StreamsContract {
    static final String TASKS = "nova:task:boomerang:tasks";
    static final String EVENTS = "nova:agent:alpha:events";
    static final String AUDIT = "nova:system:audit:log";

    protected abstract RedisTarget target();

    RedStream rs;

    @BeforeEach
    void connect() {
        target().flushAll();
        rs = target().builder().identity("contract-suite").build();
    }

    @AfterEach
    void disconnect() {
        rs.close();
    }

    @Test
    void publish_returnsIdAndEnrichesMessage() {
        String id = rs.publish(TASKS, Map.of("title", "New task"));

        List<StreamEntry> entries = rs.streams().range(TASKS, "-", "+", 10);
        assertThat(entries).hasSize(1);
        StreamEntry e = entries.get(0);
        assertThat(e.id()).isEqualTo(id);
        assertThat(e.get("title")).isEqualTo("New task");
        assertThat(e.source()).isEqualTo("contract-suite");
        assertThat(e.traceId()).isNotBlank();
        assertThat(e.fields()).containsKey(MessageFields.TIMESTAMP);
        assertThat(e.timestamp()).isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis() + 1000);
    }

    @Test
    void publish_callerTraceIdIsKept() {
        rs.publish(TASKS, Map.of("a", "1", "_trace_id", "trace-42"));
        rs.publish(TASKS, Map.of("a", "2"), PublishOptions.builder().traceId("trace-43").build());
        assertThat(rs.streams().range(TASKS, "-", "+", 10)).extracting(StreamEntry::traceId)
                .containsExactly("trace-42", "trace-43");
    }

    @Test
    void publish_nonStringValuesReadBackTyped() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("priority", 3);
        fields.put("urgent", true);
        fields.put("labels", List.of("x", "y"));
        fields.put("note", "3");
        rs.publish(TASKS, fields);

        StreamEntry e = rs.streams().latest(TASKS, 1).get(0);
        assertThat(e.values()).containsEntry("priority", 3).containsEntry("urgent", true)
                .containsEntry("labels", List.of("x", "y")).containsEntry("note", "3");
    }

    @Test
    void publish_invalidName_rejectedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> rs.publish("tasks", Map.of("a", "1")))
                .isInstanceOf(InvalidNameException.class)
                .hasMessageContaining("'tasks'")
                .hasMessageContaining("nova:{domain}:{entity}:{function}");
        assertThatThrownBy(() -> rs.publish("nova:finance:x:y", Map.of("a", "1")))
                .isInstanceOf(InvalidNameException.class);
        assertThat(target().dbSize()).isZero();
        // the client is still usable
        assertThat(rs.publish(TASKS, Map.of("a", "1"))).isNotBlank();
    }

    @Test
    void publish_badFields_rejectedAndClientStaysUsable() {
        assertThatThrownBy(() -> rs.publish(TASKS, Map.of()))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("fields must not be empty");
        Map<String, Object> big = new HashMap<>();
        big.put("blob", "x".repeat(1024 * 1024 + 1));
        assertThatThrownBy(() -> rs.publish(TASKS, big))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("at most 1048576 bytes");
        assertThat(target().dbSize()).isZero();
        assertThat(rs.publish(TASKS, Map.of("a", "1"))).isNotBlank();
    }

    @Test
    void publish_maxLenTrimsApproximately() {
        PublishOptions trim = PublishOptions.builder().maxLen(10).exactTrim(true).build();
        for (int i = 0; i < 50; i++) {
            rs.publish(TASKS, Map.of("i", Integer.toString(i)), trim);
        }
        assertThat(rs.streams().length(TASKS)).isEqualTo(10);
        assertThat(rs.streams().latest(TASKS, 1).get(0).get("i")).isEqualTo("49");
    }

    @Test
    void publish_minIdTrimsOlderEntries() {
        String first = rs.publish(TASKS, Map.of("i", "0"), PublishOptions.builder().id("1000-0").build());
        rs.publish(TASKS, Map.of("i", "1"), PublishOptions.builder().id("2000-0").build());
        assertThat(first).isEqualTo("1000-0");
        rs.publish(TASKS, Map.of("i", "2"), PublishOptions.builder().id("3000-0").build().toBuilder()
                .minId("2000-0").exactTrim(true).build());
        assertThat(rs.streams().range(TASKS, "-", "+", 10)).extracting(StreamEntry::id)
                .containsExactly("2000-0", "3000-0");
    }

    @Test
    void publish_noCreateOnMissingStream_isNotFoundAndCreatesNothing() {
        PublishOptions noCreate = PublishOptions.builder().noCreate(true).build();
        assertThatThrownBy(() -> rs.publish(TASKS, Map.of("a", "1"), noCreate))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("does not exist");
        assertThat(target().dbSize()).isZero();
        rs.publish(TASKS, Map.of("a", "1"));
        assertThat(rs.publish(TASKS, Map.of("a", "2"), noCreate)).isNotBlank();
    }

    @Test
    void publish_retryWithClientId_addsNoDuplicate() {
        PublishOptions withId = PublishOptions.builder().id("1700000000000-7").build();
        String first = rs.publish(TASKS, Map.of("a", "1"), withId);
        String retry = rs.publish(TASKS, Map.of("a", "1"), withId);
        assertThat(retry).isEqualTo(first).isEqualTo("1700000000000-7");
        assertThat(rs.streams().length(TASKS)).isEqualTo(1);
    }

    @Test
    void publishBatch_returnsIdsInOrder() {
        List<Map<String, ?>> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(Map.of("i", i));
        }
        List<String> ids = rs.streams().publishBatch(TASKS, batch, PublishOptions.DEFAULT);
        assertThat(ids).hasSize(100).doesNotHaveDuplicates();
        List<StreamEntry> read = rs.streams().range(TASKS, "-", "+", 1000);
        assertThat(read).extracting(StreamEntry::id).containsExactlyElementsOf(ids);
        assertThat(read.get(99).get("i", Integer.class)).isEqualTo(99);
    }

    @Test
    void publishBatch_oneInvalidMessage_rejectsWholeBatch() {
        List<Map<String, ?>> batch = List.of(Map.of("a", "1"), Map.of(), Map.of("c", "3"));
        assertThatThrownBy(() -> rs.streams().publishBatch(TASKS, batch, PublishOptions.DEFAULT))
                .isInstanceOf(InvalidArgumentException.class);
        assertThat(target().dbSize()).isZero();
    }

    @Test
    void batcher_manyThreads_everyFutureCompletesAndAllArrive() throws Exception {
        int threads = 4;
        int perThread = 500;
        Map<String, List<CompletableFuture<String>>> byStream = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (PublishBatcher batcher = rs.streams().batcher(BatcherSettings.DEFAULTS.withMaxBatchSize(64))) {
            List<java.util.concurrent.Future<?>> submitted = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                String stream = thread % 2 == 0 ? TASKS : EVENTS;
                submitted.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        CompletableFuture<String> f = batcher.publish(stream, Map.of("t", thread, "i", i));
                        byStream.computeIfAbsent(stream, s -> java.util.Collections.synchronizedList(
                                new ArrayList<>())).add(f);
                    }
                }));
            }
            for (var f : submitted) {
                f.get(30, TimeUnit.SECONDS);
            }
            batcher.flush();
            assertThat(byStream.values()).allSatisfy(list -> assertThat(list).allMatch(CompletableFuture::isDone));
        } finally {
            pool.shutdownNow();
        }
        for (Map.Entry<String, List<CompletableFuture<String>>> e : byStream.entrySet()) {
            List<String> ids = e.getValue().stream().map(CompletableFuture::join).toList();
            assertThat(ids).hasSize(2 * perThread).doesNotHaveDuplicates();
            assertThat(rs.streams().length(e.getKey())).isEqualTo(2 * perThread);
        }
    }

    @Test
    void batcher_closedWhilePublishing_sendsEveryAcceptedMessage_andRefusesTheRest() throws Exception {
        int threads = 4;
        List<CompletableFuture<String>> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch publishing = new java.util.concurrent.CountDownLatch(threads);
        // Publishing threads race close(): what close() let in is sent before it returns, later calls are refused.
        try {
            PublishBatcher batcher = rs.streams().batcher(BatcherSettings.DEFAULTS.withMaxBatchSize(32));
            List<java.util.concurrent.Future<?>> submitted = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                submitted.add(pool.submit(() -> {
                    publishing.countDown();
                    for (int i = 0; ; i++) {
                        try {
                            accepted.add(batcher.publish(TASKS, Map.of("t", thread, "i", i)));
                        } catch (InvalidArgumentException closed) {
                            assertThat(closed).hasMessageContaining("closed");
                            refused.incrementAndGet();
                            return;
                        }
                    }
                }));
            }
            publishing.await();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (accepted.size() < 200 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            batcher.close();
            assertThat(accepted).as("accepted before close returned").allMatch(CompletableFuture::isDone);
            for (var f : submitted) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(refused).hasValue(threads);
        assertThat(accepted).isNotEmpty().allSatisfy(f -> assertThat(f.join()).isNotBlank());
        assertThat(rs.streams().length(TASKS)).isEqualTo(accepted.size());
    }

    @Test
    void batcher_invalidMessage_throwsAtPublishAndIsNeverQueued() {
        try (PublishBatcher batcher = rs.streams().batcher(BatcherSettings.DEFAULTS)) {
            assertThatThrownBy(() -> batcher.publish("bad-name", Map.of("a", "1")))
                    .isInstanceOf(InvalidNameException.class);
            assertThat(batcher.publish(TASKS, Map.of("a", "1")).join()).isNotBlank();
        }
        assertThat(rs.streams().length(TASKS)).isEqualTo(1);
    }

    @Test
    void rangeReverseAndLatest_respectBoundsAndCount() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(rs.publish(TASKS, Map.of("i", Integer.toString(i))));
        }
        assertThat(rs.streams().range(TASKS, "-", "+", 3)).extracting(StreamEntry::id)
                .containsExactlyElementsOf(ids.subList(0, 3));
        assertThat(rs.streams().range(TASKS, "(" + ids.get(1), "+", 10)).extracting(StreamEntry::id)
                .containsExactlyElementsOf(ids.subList(2, 5));
        assertThat(rs.streams().latest(TASKS, 2)).extracting(StreamEntry::id)
                .containsExactly(ids.get(4), ids.get(3));
        assertThat(rs.streams().reverseRange(TASKS, ids.get(2), "-", 10)).extracting(StreamEntry::id)
                .containsExactly(ids.get(2), ids.get(1), ids.get(0));
    }

    @Test
    void range_badArguments_areRejectedWithRule() {
        assertThatThrownBy(() -> rs.streams().range(TASKS, "-", "+", 0))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("count must be between 1 and 10000, but was 0");
        assertThatThrownBy(() -> rs.streams().range(TASKS, "-", "+", -5))
                .isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> rs.streams().range(TASKS, "-", "+", 10_001))
                .isInstanceOf(LimitExceededException.class);
        assertThatThrownBy(() -> rs.streams().range(TASKS, "yesterday", "+", 1))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("start must be a stream id");
    }

    @Test
    void read_manyStreams_returnsEachStreamsNewEntries() {
        String t = rs.publish(TASKS, Map.of("a", "1"));
        String e = rs.publish(EVENTS, Map.of("b", "2"));
        Map<String, String> offsets = new LinkedHashMap<>();
        offsets.put(TASKS, "0");
        offsets.put(EVENTS, "0");
        offsets.put(AUDIT, "0");
        Map<String, List<StreamEntry>> result = rs.streams().read(offsets, 10, Duration.ZERO);
        assertThat(result.keySet()).containsExactly(TASKS, EVENTS);
        assertThat(result.get(TASKS)).extracting(StreamEntry::id).containsExactly(t);
        assertThat(result.get(EVENTS)).extracting(StreamEntry::id).containsExactly(e);
    }

    @Test
    void read_blocking_wakesWhenAnotherStreamGetsAnEntry() throws Exception {
        Map<String, String> offsets = new LinkedHashMap<>();
        offsets.put(TASKS, "$");
        offsets.put(EVENTS, "$");
        offsets.put(AUDIT, "$");
        CompletableFuture<String> later = CompletableFuture.supplyAsync(() -> {
            sleep(300);
            return rs.publish(AUDIT, Map.of("late", "yes"));
        });
        long start = System.nanoTime();
        Map<String, List<StreamEntry>> result = rs.streams().read(offsets, 10, Duration.ofSeconds(10));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(result).containsOnlyKeys(AUDIT);
        assertThat(result.get(AUDIT)).extracting(StreamEntry::id).containsExactly(later.get(5, TimeUnit.SECONDS));
        assertThat(tookMs).isLessThan(9_000);
    }

    @Test
    void read_blockingWithNothingNew_returnsEmptyAfterBlock() {
        rs.publish(TASKS, Map.of("a", "1"));
        Map<String, List<StreamEntry>> result = rs.streams().read(Map.of(TASKS, "$", EVENTS, "$"), 10,
                Duration.ofMillis(200));
        assertThat(result).isEmpty();
    }

    @Test
    void read_blockOverLimit_isLimitExceeded() {
        assertThatThrownBy(() -> rs.streams().read(Map.of(TASKS, "$"), 10, Duration.ofSeconds(31)))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("block must be between 0 and 30000 ms");
        assertThatThrownBy(() -> rs.streams().read(Map.of(TASKS, "later"), 10, Duration.ZERO))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("'$'");
    }

    @Test
    void info_reportsLengthEndsAndGroupsWithLag() {
        String first = rs.publish(TASKS, Map.of("a", "1"));
        rs.publish(TASKS, Map.of("a", "2"));
        String last = rs.publish(TASKS, Map.of("a", "3"));
        rs.groups().create(TASKS, "workers", "0");
        rs.groups().read(TASKS, "workers", "w1", 1, Duration.ZERO);

        StreamInfo info = rs.streams().info(TASKS);
        assertThat(info.length()).isEqualTo(3);
        assertThat(info.firstId()).isEqualTo(first);
        assertThat(info.lastId()).isEqualTo(last);
        assertThat(info.groups()).singleElement().satisfies(g -> {
            assertThat(g.name()).isEqualTo("workers");
            assertThat(g.consumers()).isEqualTo(1);
            assertThat(g.pending()).isEqualTo(1);
            assertThat(g.lag()).isEqualTo(2);
        });
    }

    @Test
    void info_missingStream_isNotFound() {
        assertThatThrownBy(() -> rs.streams().info(TASKS))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining(TASKS);
        assertThat(rs.streams().length(TASKS)).isZero();
    }

    @Test
    void trim_approximate_removesWholeOldNodesKeepsAtLeastTheBound() {
        List<Map<String, ?>> batch = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            batch.add(Map.of("i", Integer.toString(i)));
        }
        List<String> ids = rs.streams().publishBatch(TASKS, batch, PublishOptions.DEFAULT);
        long removed = rs.streams().trimToLength(TASKS, 100);
        long length = rs.streams().length(TASKS);
        assertThat(removed).isPositive();
        assertThat(length).isEqualTo(1000 - removed).isBetween(100L, 999L);

        long removedBefore = rs.streams().trimBefore(TASKS, ids.get(999));
        assertThat(rs.streams().length(TASKS)).isEqualTo(length - removedBefore);
        assertThat(rs.streams().latest(TASKS, 1).get(0).id()).isEqualTo(ids.get(999));
    }

    @Test
    void list_returnsStreamsOnlyPagingOverEveryNode() {
        rs.publish(TASKS, Map.of("a", "1"));
        rs.publish(EVENTS, Map.of("a", "1"));
        rs.publish(AUDIT, Map.of("a", "1"));
        rs.state().set("nova:task:boomerang:not-a-stream", "v");
        assertThat(listAll("nova:*", 2)).containsExactlyInAnyOrder(TASKS, EVENTS, AUDIT);
        assertThat(listAll("nova:task:*", 100)).containsExactly(TASKS);
        assertThatThrownBy(() -> rs.streams().list("nova:task:*", "not-a-cursor", 10))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("cursor");
    }

    /** Follows the cursor to the end; on a cluster a page covers one node, so one page is not enough. */
    private java.util.List<String> listAll(String pattern, int count) {
        java.util.List<String> seen = new ArrayList<>();
        String cursor = "0";
        int pages = 0;
        do {
            io.redstream.core.ScanPage page = rs.streams().list(pattern, cursor, count);
            seen.addAll(page.names());
            cursor = page.cursor();
            pages++;
        } while (!"0".equals(cursor) && pages < 100);
        return seen;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
