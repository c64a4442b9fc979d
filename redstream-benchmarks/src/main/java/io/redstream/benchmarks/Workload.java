package io.redstream.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;

/** The data every scenario uses: one stream, one group, a four-field message, and helpers shared by the sides. */
final class Workload {
    static final String STREAM = "nova:task:bench:events";
    static final String GROUP = "bench";
    static final String IDENTITY = "bench";
    /** What a caller passes: four user fields. */
    static final Map<String, String> PAYLOAD = Map.of("type", "task.created", "title", "Benchmark task payload",
            "owner", "agent-alpha", "priority", "3");

    private Workload() {
    }

    /**
     * The same data RedStream stores for {@link #PAYLOAD}: the user's fields plus {@code _timestamp}, {@code _source}
     * and a distinct {@code _trace_id}, prepared before timing so a raw baseline pays only for sending it.
     */
    static List<Map<String, String>> storedFields(int n, long seed) {
        List<Map<String, String>> out = new ArrayList<>(n);
        Random random = new Random(seed);
        long now = System.currentTimeMillis();
        for (int i = 0; i < n; i++) {
            Map<String, String> m = new LinkedHashMap<>(PAYLOAD);
            m.put("_timestamp", Long.toString(now + i));
            m.put("_source", IDENTITY);
            m.put("_trace_id", String.format("%016x%016x", random.nextLong(), random.nextLong()));
            out.add(m);
        }
        return out;
    }

    /** One pipeline of XADDs, one round trip. */
    static void pipelinedXadd(UnifiedJedis raw, List<Map<String, String>> messages) {
        try (AbstractPipeline pipe = raw.pipelined()) {
            for (Map<String, String> m : messages) {
                pipe.xadd(STREAM, XAddParams.xAddParams(), m);
            }
            pipe.sync();
        }
    }

    /** Empties the stream and writes {@code n} entries of the stored fields, 1000 per round trip. */
    static void fill(UnifiedJedis raw, int n) {
        raw.del(STREAM);
        List<Map<String, String>> batch = storedFields(1000, 7);
        for (int done = 0; done < n; done += batch.size()) {
            pipelinedXadd(raw, batch.subList(0, Math.min(batch.size(), n - done)));
        }
    }

    static double perSecond(long n, long nanos) {
        return n / (nanos / 1e9);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
