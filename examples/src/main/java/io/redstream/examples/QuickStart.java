package io.redstream.examples;

import io.redstream.core.RedStream;
import io.redstream.core.stream.StreamEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Publish, read, group read, ack: the four moves of RedStream.
 *
 * <p>Run: {@code mvn -q -pl examples exec:java} (after {@code mvn -q install -DskipTests}).
 */
public final class QuickStart {
    static final String STREAM = "nova:task:boomerang:tasks";

    private QuickStart() {
    }

    public static void main(String[] args) {
        try (ExampleRedis redis = ExampleRedis.start();
                RedStream rs = RedStream.builder().redisUri(redis.uri()).identity("task-router").build()) {
            run(rs);
        }
    }

    /** The tour itself; returns the ids that were acknowledged. */
    static List<String> run(RedStream rs) {
        // 1. Publish: RedStream adds _timestamp, _source and _trace_id; non-string values are stored as JSON.
        String id = rs.publish(STREAM, Map.of("title", "New task", "priority", 2));
        System.out.println("published " + id + " to " + STREAM);

        // 2. Read back, newest first; values come back typed.
        StreamEntry latest = rs.streams().latest(STREAM, 1).get(0);
        System.out.println("latest: " + latest.values() + " from " + latest.source() + " trace " + latest.traceId());

        // 3. Consume as a group member: create the group (idempotent), read new entries.
        rs.groups().create(STREAM, "workers", "0");
        List<StreamEntry> batch = rs.groups().read(STREAM, "workers", "worker-1", 10, Duration.ofSeconds(1));
        for (StreamEntry e : batch) {
            System.out.println("worker-1 got " + e.id() + ": " + e.get("title"));
        }

        // 4. Acknowledge what was handled, so the group will not redeliver it.
        List<String> ids = batch.stream().map(StreamEntry::id).toList();
        long acked = rs.groups().ack(STREAM, "workers", ids);
        System.out.println("acknowledged " + acked + "; pending now " + rs.groups().pending(STREAM, "workers").count());
        return ids;
    }
}
