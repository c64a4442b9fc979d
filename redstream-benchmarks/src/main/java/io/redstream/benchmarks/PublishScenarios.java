package io.redstream.benchmarks;

import io.redstream.core.stream.BatcherSettings;
import io.redstream.core.stream.PublishBatcher;
import io.redstream.core.stream.PublishOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.DoubleSupplier;
import java.util.function.IntConsumer;
import redis.clients.jedis.params.XAddParams;

/** Batched, single and 8-thread publishing: raw Jedis, RedStream and (standalone) the peers, side by side. */
final class PublishScenarios {
    static final int BATCH = 100;
    static final int THREADS = 8;

    private final Target t;
    private final Peers peers;
    private final int rounds;
    private final int scale;
    /** JVM CPU per message of the concurrent sides, filled by {@link #concurrent()}. */
    final List<GuaranteeCosts.Cost> clientCpu = new ArrayList<>();

    PublishScenarios(Target t, Peers peers, int rounds, int scale) {
        this.t = t;
        this.peers = peers;
        this.rounds = rounds;
        this.scale = scale;
    }

    /** {@code publishBatch} of 100 messages against a raw pipeline of 100 XADDs, with and without the meta fields. */
    List<Row> batched() {
        List<Map<String, ?>> messages = new ArrayList<>(Collections.nCopies(BATCH, Workload.PAYLOAD));
        List<Map<String, String>> stored = Workload.storedFields(BATCH, 42);
        List<Map<String, String>> plain = Collections.nCopies(BATCH, Workload.PAYLOAD);
        Rounds r = Rounds.run(rounds,
                batches(() -> Workload.pipelinedXadd(t.raw, stored)),
                batches(() -> t.secured.streams().publishBatch(Workload.STREAM, messages, PublishOptions.DEFAULT)),
                batches(() -> Workload.pipelinedXadd(t.raw, plain)));
        t.raw.del(Workload.STREAM);
        return List.of(
                r.row("batched publish (100/batch) vs raw, same stored fields", "msg/s", 0, 1, 0.95, true),
                r.row("batched publish vs raw, user's 4 fields only", "msg/s", 2, 1, 0, true));
    }

    /** Messages per second of {@code 100 * scale} runs of {@code oneBatch} on an emptied stream. */
    private DoubleSupplier batches(Runnable oneBatch) {
        int count = 100 * scale;
        return () -> {
            t.raw.del(Workload.STREAM);
            long t0 = System.nanoTime();
            for (int b = 0; b < count; b++) {
                oneBatch.run();
            }
            return Workload.perSecond((long) count * BATCH, System.nanoTime() - t0);
        };
    }

    /** One XADD round trip; RedStream through the guarded view (validation + enrichment + authorization). */
    List<Row> single() {
        int n = 2_000 * scale;
        List<Map<String, String>> stored = Workload.storedFields(n, 43);
        Rounds r = Rounds.run(rounds,
                latency(n, i -> t.raw.xadd(Workload.STREAM, XAddParams.xAddParams(), stored.get(i))),
                latency(n, i -> t.secured.publish(Workload.STREAM, Workload.PAYLOAD)),
                latency(n, i -> t.raw.xadd(Workload.STREAM, XAddParams.xAddParams(), Workload.PAYLOAD)));
        return List.of(
                r.row("single publish, median, vs raw same stored fields", "µs", 0, 1, 1.05, false),
                r.row("single publish, median, vs raw user's fields only", "µs", 2, 1, 0, false));
    }

    private DoubleSupplier latency(int n, IntConsumer call) {
        long[] lat = new long[n];
        return () -> {
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                call.accept(i);
                lat[i] = System.nanoTime() - t0;
            }
            t.raw.del(Workload.STREAM);
            return Stats.median(lat) / 1000.0;
        };
    }

    /**
     * Eight threads publishing at once: raw Jedis {@code XADD} on a pool of the same size as RedStream's,
     * RedStream's {@code publish()}, RedStream's automatic batcher, and the raw pipeline ceiling (one thread,
     * pipelines of the batcher's batch size); on standalone also Spring Data Redis and Redisson.
     */
    List<Row> concurrent() {
        int perThread = 1_000 * scale;
        List<List<Map<String, String>>> stored = new ArrayList<>();
        for (int k = 0; k < THREADS; k++) {
            stored.add(Workload.storedFields(perThread, 100 + k));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread th = new Thread(r, "bench-publisher");
            th.setDaemon(true);
            return th;
        });
        try (PublishBatcher batcher = t.secured.streams().batcher(BatcherSettings.DEFAULTS)) {
            long total = (long) THREADS * perThread;
            ProcessCpu[] cpu = {new ProcessCpu(), new ProcessCpu(), new ProcessCpu(), new ProcessCpu()};
            List<DoubleSupplier> sides = new ArrayList<>(List.of(
                    cpu[0].measure(total, threads(pool, perThread, (k, i) -> t.raw.xadd(Workload.STREAM,
                            XAddParams.xAddParams(), stored.get(k).get(i)))),
                    cpu[1].measure(total, threads(pool, perThread,
                            (k, i) -> t.secured.publish(Workload.STREAM, Workload.PAYLOAD))),
                    cpu[2].measure(total, batcherThreads(pool, perThread, batcher)),
                    cpu[3].measure(total, ceiling(stored.get(0), BatcherSettings.DEFAULT_MAX_BATCH_SIZE))));
            if (peers != null) {
                sides.add(threads(pool, perThread, (k, i) -> peers.springPublish(stored.get(k).get(i))));
                sides.add(threads(pool, perThread, (k, i) -> peers.redissonPublish(stored.get(k).get(i))));
            }
            Rounds r = Rounds.run(rounds, sides.toArray(DoubleSupplier[]::new));
            String[] names = {"8 threads: raw XADD", "8 threads: publish()", "8 threads: batcher",
                "1 thread: raw pipelines of 256 (ceiling)"};
            for (int k = 0; k < cpu.length; k++) {
                clientCpu.add(new GuaranteeCosts.Cost(names[k] + " (" + t.name + ")", cpu[k].median(), -1,
                        "JVM CPU per message, all threads"));
            }
            List<Row> rows = new ArrayList<>(List.of(
                    r.row("8 threads: publish() vs raw XADD, same pool", "msg/s", 0, 1, 1.0, true),
                    r.row("8 threads: batcher vs 8-thread raw XADD", "msg/s", 0, 2, 3.0, true),
                    r.row("8 threads: batcher vs raw pipeline ceiling", "msg/s", 3, 2, 0.9, true)));
            if (peers != null) {
                rows.add(r.row("8 threads: publish() vs Spring Data Redis", "msg/s", 4, 1, 1.0, true));
                rows.add(r.row("8 threads: publish() vs Redisson", "msg/s", 5, 1, 1.0, true));
            }
            return rows;
        } finally {
            pool.shutdownNow();
            t.raw.del(Workload.STREAM);
        }
    }

    interface Call {
        void run(int thread, int i);
    }

    private DoubleSupplier threads(ExecutorService pool, int perThread, Call call) {
        return () -> {
            t.raw.del(Workload.STREAM);
            long t0 = System.nanoTime();
            List<Future<?>> done = new ArrayList<>(THREADS);
            for (int k = 0; k < THREADS; k++) {
                int thread = k;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        call.run(thread, i);
                    }
                }));
            }
            await(done);
            return Workload.perSecond((long) THREADS * perThread, System.nanoTime() - t0);
        };
    }

    private DoubleSupplier batcherThreads(ExecutorService pool, int perThread, PublishBatcher batcher) {
        return () -> {
            t.raw.del(Workload.STREAM);
            long t0 = System.nanoTime();
            List<Future<?>> done = new ArrayList<>(THREADS);
            for (int k = 0; k < THREADS; k++) {
                done.add(pool.submit(() -> {
                    CompletableFuture<?>[] ids = new CompletableFuture<?>[perThread];
                    for (int i = 0; i < perThread; i++) {
                        ids[i] = batcher.publish(Workload.STREAM, Workload.PAYLOAD);
                    }
                    CompletableFuture.allOf(ids).join();
                }));
            }
            await(done);
            return Workload.perSecond((long) THREADS * perThread, System.nanoTime() - t0);
        };
    }

    /** The most one thread gets from Redis: back-to-back pipelines of the batcher's batch size. */
    private DoubleSupplier ceiling(List<Map<String, String>> stored, int batch) {
        int total = THREADS * stored.size();
        List<Map<String, String>> one = stored.subList(0, Math.min(batch, stored.size()));
        return () -> {
            t.raw.del(Workload.STREAM);
            long t0 = System.nanoTime();
            long written = 0;
            while (written < total) {
                Workload.pipelinedXadd(t.raw, one);
                written += one.size();
            }
            return Workload.perSecond(written, System.nanoTime() - t0);
        };
    }

    private static void await(List<Future<?>> done) {
        for (Future<?> f : done) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException("a publishing thread failed", e);
            }
        }
    }
}
