package io.redstream.core.internal;

import io.redstream.core.stream.AutoClaimResult;
import io.redstream.core.stream.StreamEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Protocol;

/**
 * {@code XAUTOCLAIM} sent raw: the typed Jedis call drops the third reply element, the ids that were pending but
 * no longer exist, and those are exactly what a consumer must hear about (they were trimmed while pending).
 */
final class AutoClaimer {
    private final RedisGateway gateway;

    AutoClaimer(RedisGateway gateway) {
        this.gateway = gateway;
    }

    AutoClaimResult step(String key, String group, String consumer, long minIdleMs, String cursor, int count) {
        Object reply = gateway.call(Operation.GROUP_AUTOCLAIM, key, j -> j.sendCommand(bytes(key),
                Protocol.Command.XAUTOCLAIM, bytes(key), bytes(group), bytes(consumer), bytes(Long.toString(minIdleMs)),
                bytes(cursor), bytes("COUNT"), bytes(Integer.toString(count))));
        List<?> parts = (List<?>) reply;
        String next = string(parts.get(0));
        List<StreamEntry> entries = new ArrayList<>();
        for (Object e : (List<?>) parts.get(1)) {
            if (e == null) {
                continue;
            }
            List<?> pair = (List<?>) e;
            entries.add(new StreamEntry(key, string(pair.get(0)), fields(pair.get(1)), null));
        }
        List<String> deleted = new ArrayList<>();
        if (parts.size() > 2 && parts.get(2) != null) {
            for (Object id : (List<?>) parts.get(2)) {
                deleted.add(string(id));
            }
        }
        return new AutoClaimResult(entries, deleted, next);
    }

    AutoClaimResult all(String key, String group, String consumer, long minIdleMs, int max) {
        List<StreamEntry> entries = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        String cursor = "0-0";
        do {
            AutoClaimResult r = step(key, group, consumer, minIdleMs, cursor, Math.min(100, max - entries.size()));
            entries.addAll(r.entries());
            deleted.addAll(r.deletedIds());
            cursor = r.nextCursor();
        } while (!"0-0".equals(cursor) && entries.size() < max);
        return new AutoClaimResult(entries, deleted, cursor);
    }

    private static Map<String, String> fields(Object raw) {
        return StreamReplies.fields(raw);
    }

    private static String string(Object o) {
        return StreamReplies.string(o);
    }

    private static byte[] bytes(String s) {
        return StreamReplies.bytes(s);
    }
}
