package io.redstream.core.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Micrometer meters per operation: {@code redstream.operation} timers tagged with {@code operation} and
 * {@code outcome} (success/error), publishing p50/p95/p99. Without a registry every method is a no-op, so the hot
 * path pays nothing.
 *
 * <p>Operation names come from the gateway's operation descriptions through a fixed prefix table, which keeps
 * the tag's cardinality bounded (stream and key names never become tags).
 */
public final class OperationMetrics {
    /** Ordered so that longer prefixes win ("publish batch to" before "publish to"). */
    private static final List<String[]> NAMES = List.of(
            new String[] {"publish batch", "stream.publish.batch"},
            new String[] {"publish to ", "stream.publish"},
            new String[] {"publish on ", "channel.publish"},
            new String[] {"read range of ", "stream.range"},
            new String[] {"read reverse range of ", "stream.revrange"},
            new String[] {"read ", "stream.read"},
            new String[] {"length of ", "stream.length"},
            new String[] {"info of ", "stream.info"},
            new String[] {"trim ", "stream.trim"},
            new String[] {"dead-letter to ", "stream.deadletter"},
            new String[] {"create group ", "group.create"},
            new String[] {"destroy group ", "group.destroy"},
            new String[] {"set id of group ", "group.setid"},
            new String[] {"list groups of ", "group.list"},
            new String[] {"group read of ", "group.read"},
            new String[] {"pending read of ", "group.readpending"},
            new String[] {"pending of ", "group.pending"},
            new String[] {"ack on ", "group.ack"},
            new String[] {"auto-claim on ", "group.autoclaim"},
            new String[] {"claim on ", "group.claim"},
            new String[] {"keep-alive on ", "group.keepalive"},
            new String[] {"get ", "key.get"},
            new String[] {"set ", "key.set"},
            new String[] {"delete ", "key.delete"},
            new String[] {"expire ", "key.expire"},
            new String[] {"ttl of ", "key.ttl"},
            new String[] {"increment ", "key.increment"},
            new String[] {"scan ", "scan"},
            new String[] {"transaction on ", "transaction"},
            new String[] {"health ", "health"});

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public OperationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public boolean enabled() {
        return registry != null;
    }

    public void record(String operation, long nanos, boolean success) {
        if (registry == null) {
            return;
        }
        String name = nameOf(operation);
        String key = name + (success ? "|ok" : "|err");
        timers.computeIfAbsent(key, k -> Timer.builder("redstream.operation")
                .description("RedStream operations against Redis")
                .tag("operation", name)
                .tag("outcome", success ? "success" : "error")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry)).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    static String nameOf(String operation) {
        for (String[] n : NAMES) {
            if (operation.startsWith(n[0])) {
                return n[1];
            }
        }
        return "other";
    }

    public MeterRegistry registry() {
        return registry;
    }
}
