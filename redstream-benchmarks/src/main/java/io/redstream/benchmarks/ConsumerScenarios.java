package io.redstream.benchmarks;

import io.redstream.core.consumer.ConsumerSettings;
import io.redstream.core.consumer.StreamConsumer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.IntToDoubleFunction;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Preloaded entries → handler → ack, timed from start until every entry is acknowledged: a hand-written
 * {@code XREADGROUP COUNT 100} + batched {@code XACK} loop, RedStream's consumer runtime, and on standalone Spring
 * Data Redis's listener container and Redisson's {@code RStream} loop.
 */
final class ConsumerScenarios {
    static final int COUNT = 100;

    private final Target t;
    private final Peers peers;
    private final int rounds;
    private final int scale;
    /** JVM CPU per message of the raw loop and the runtime, filled by {@link #endToEnd()}. */
    final List<GuaranteeCosts.Cost> clientCpu = new ArrayList<>();

    ConsumerScenarios(Target t, Peers peers, int rounds, int scale) {
        this.t = t;
        this.peers = peers;
        this.rounds = rounds;
        this.scale = scale;
    }

    List<Row> endToEnd() {
        int messages = 20_000 * scale;
        ProcessCpu rawCpu = new ProcessCpu();
        ProcessCpu ourCpu = new ProcessCpu();
        List<DoubleSupplier> sides = new ArrayList<>(List.of(
                preloaded(messages, n -> measured(rawCpu, n, this::rawLoop)),
                preloaded(messages, n -> measured(ourCpu, n, this::redstream))));
        if (peers != null) {
            sides.add(preloaded(messages, n -> peers.springConsume(n, COUNT)));
            sides.add(preloaded(messages, n -> peers.redissonConsume(n, COUNT)));
        }
        Rounds r = Rounds.run(rounds, sides.toArray(DoubleSupplier[]::new));
        clientCpu.add(new GuaranteeCosts.Cost("consumer: raw loop (" + t.name + ")", rawCpu.median(), -1,
                "JVM CPU per message, all threads"));
        clientCpu.add(new GuaranteeCosts.Cost("consumer: RedStream runtime (" + t.name + ")", ourCpu.median(), -1,
                "JVM CPU per message, all threads"));
        t.raw.del(Workload.STREAM);
        List<Row> rows = new ArrayList<>(List.of(
                r.row("consumer end to end vs raw loop (count 100)", "msg/s", 0, 1, 0.9, true)));
        if (peers != null) {
            rows.add(r.row("consumer vs Spring Data Redis container", "msg/s", 2, 1, 1.0, true));
            rows.add(r.row("consumer vs Redisson RStream loop", "msg/s", 3, 1, 1.0, true));
        }
        return rows;
    }

    /** Times {@code side} (after the stream was filled) and records its JVM CPU per message. */
    private static double measured(ProcessCpu cpu, int messages, IntToDoubleFunction side) {
        return cpu.measure(messages, () -> side.applyAsDouble(messages)).getAsDouble();
    }

    /** A fresh stream of {@code messages} entries and a group at 0, then the timed side. */
    private DoubleSupplier preloaded(int messages, IntToDoubleFunction side) {
        return () -> {
            Workload.fill(t.raw, messages);
            t.raw.xgroupCreate(Workload.STREAM, Workload.GROUP, new StreamEntryID(0, 0), true);
            return side.applyAsDouble(messages);
        };
    }

    private double rawLoop(int messages) {
        long t0 = System.nanoTime();
        long handled = 0;
        XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(COUNT).block(100);
        Map<String, StreamEntryID> from = Map.of(Workload.STREAM, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY);
        while (handled < messages) {
            var got = t.raw.xreadGroup(Workload.GROUP, "c1", params, from);
            if (got == null) {
                continue;
            }
            for (var perStream : got) {
                List<StreamEntry> entries = perStream.getValue();
                StreamEntryID[] ids = new StreamEntryID[entries.size()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = entries.get(i).getID();
                    handled++;
                }
                t.raw.xack(Workload.STREAM, Workload.GROUP, ids);
            }
        }
        return Workload.perSecond(messages, System.nanoTime() - t0);
    }

    private double redstream(int messages) {
        AtomicLong seen = new AtomicLong();
        ConsumerSettings settings = ConsumerSettings.builder(Workload.STREAM, Workload.GROUP, "c1").batchSize(COUNT)
                .maxInFlight(2 * COUNT).ackBatchSize(COUNT).block(Duration.ofMillis(100)).build();
        long t0 = System.nanoTime();
        try (StreamConsumer consumer = t.rs.consumer(settings, e -> seen.incrementAndGet())) {
            // Poll gently: a spinning waiter would take one of the two cores from the consumer and Redis.
            while (consumer.stats().acknowledged() < messages) {
                Workload.sleep(1);
            }
            return Workload.perSecond(messages, System.nanoTime() - t0);
        }
    }
}
