package io.redstream.core.internal;

import io.redstream.core.stream.DeadLetterFields;
import io.redstream.core.stream.StreamEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;

/** Writes a dead-letter entry and acknowledges the original, atomically where the topology allows. */
final class DeadLetters {
    private static final int MAX_REASON = 1000;

    private final RedisGateway gateway;

    DeadLetters(RedisGateway gateway) {
        this.gateway = gateway;
    }

    static Map<String, String> fields(StreamEntry entry, String stream, String group, String consumer,
            String reason, long deliveries, long now) {
        Map<String, String> out = new LinkedHashMap<>(entry.fields());
        String r = reason == null || reason.isBlank() ? "unspecified" : reason;
        out.put(DeadLetterFields.REASON, r.length() > MAX_REASON ? r.substring(0, MAX_REASON) + "..." : r);
        out.put(DeadLetterFields.ORIGINAL_ID, entry.id());
        out.put(DeadLetterFields.STREAM, stream);
        out.put(DeadLetterFields.GROUP, group);
        out.put(DeadLetterFields.CONSUMER, consumer);
        out.put(DeadLetterFields.DELIVERIES, Long.toString(deliveries));
        out.put(DeadLetterFields.AT, Long.toString(now));
        return out;
    }

    String write(String stream, String dlq, String group, StreamEntryID id, Map<String, String> fields) {
        if (gateway.isCluster()) {
            // Different slots: write first, then ack. A crash in between duplicates, never loses.
            StreamEntryID dead = gateway.call(Operation.STREAM_DEADLETTER, dlq, j -> j.xadd(dlq, XAddParams.xAddParams(),
                    fields));
            gateway.call(Operation.GROUP_ACK, stream, j -> j.xack(stream, group, id));
            return dead.toString();
        }
        return gateway.call(Operation.STREAM_DEADLETTER, dlq, j -> {
            try (AbstractTransaction tx = j.multi()) {
                var added = tx.xadd(dlq, XAddParams.xAddParams(), fields);
                tx.xack(stream, group, id);
                List<Object> results = tx.exec();
                if (results == null) {
                    throw new io.redstream.core.ConflictException("dead-letter of " + id + " was aborted");
                }
                return added.get().toString();
            }
        });
    }
}
