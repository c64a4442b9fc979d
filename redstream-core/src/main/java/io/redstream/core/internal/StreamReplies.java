package io.redstream.core.internal;

import io.redstream.core.stream.StreamEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.util.KeyValue;

/**
 * Reads raw stream replies ({@code XREADGROUP}, {@code XAUTOCLAIM}) straight into RedStream entries: ids stay
 * strings and fields go into one map, instead of Jedis's entry, id object and field map converted again. Accepts
 * RESP3 (a map of stream to entries) and RESP2 (a list of pairs).
 */
final class StreamReplies {
    private StreamReplies() {
    }

    /** The entries of an {@code XREADGROUP}/{@code XREAD} reply for one stream; empty for a null (timed out) reply. */
    static List<StreamEntry> readReply(String stream, Object reply, Long deliveries) {
        if (!(reply instanceof List<?> perStream) || perStream.isEmpty()) {
            return List.of();
        }
        Object first = perStream.get(0);
        Object entries = first instanceof KeyValue<?, ?> kv ? kv.getValue()
                : first instanceof List<?> pair && pair.size() > 1 ? pair.get(1) : null;
        return entries(stream, entries, deliveries);
    }

    /** A list of {@code [id, [field, value, ...]]} entries; a null field list is an entry trimmed while pending. */
    static List<StreamEntry> entries(String stream, Object raw, Long deliveries) {
        if (!(raw instanceof List<?> list) || list.isEmpty()) {
            return List.of();
        }
        List<StreamEntry> out = new ArrayList<>(list.size());
        for (Object e : list) {
            if (e instanceof List<?> pair && !pair.isEmpty()) {
                out.add(StreamEntry.fromFlatFields(stream, string(pair.get(0)),
                        pair.size() > 1 ? flat(pair.get(1)) : null, deliveries));
            }
        }
        return out;
    }

    /** {@code [name, value, ...]} as strings, or null for a missing (trimmed) entry. */
    private static String[] flat(Object raw) {
        if (raw instanceof List<?> list) {
            String[] out = new String[list.size() - list.size() % 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = string(list.get(i));
            }
            return out;
        }
        Map<String, String> m = fields(raw);
        if (m == null) {
            return null;
        }
        String[] out = new String[2 * m.size()];
        int i = 0;
        for (Map.Entry<String, String> e : m.entrySet()) {
            out[i++] = e.getKey();
            out[i++] = e.getValue();
        }
        return out;
    }

    static Map<String, String> fields(Object raw) {
        if (raw instanceof List<?> list) {
            Map<String, String> out = new LinkedHashMap<>(list.size());
            for (int i = 0; i + 1 < list.size(); i += 2) {
                out.put(string(list.get(i)), string(list.get(i + 1)));
            }
            return out;
        }
        if (raw instanceof Map<?, ?> map) {
            Map<String, String> out = new LinkedHashMap<>(map.size() * 2);
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put(string(e.getKey()), string(e.getValue()));
            }
            return out;
        }
        return null;
    }

    static String string(Object o) {
        return o instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(o);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
