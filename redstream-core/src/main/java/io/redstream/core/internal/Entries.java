package io.redstream.core.internal;

import io.redstream.core.stream.StreamEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Conversions from Jedis stream replies to RedStream types. */
final class Entries {
    private Entries() {
    }

    static List<StreamEntry> of(String stream, List<redis.clients.jedis.resps.StreamEntry> raw) {
        if (raw == null || raw.isEmpty()) {
            return List.of();
        }
        List<StreamEntry> out = new ArrayList<>(raw.size());
        for (redis.clients.jedis.resps.StreamEntry e : raw) {
            out.add(of(stream, e, null));
        }
        return out;
    }

    static StreamEntry of(String stream, redis.clients.jedis.resps.StreamEntry e, Long deliveries) {
        Map<String, String> fields = e.getFields();
        Long count = deliveries != null ? deliveries : e.getDeliveredCount();
        return new StreamEntry(stream, e.getID().toString(), fields, count);
    }
}
