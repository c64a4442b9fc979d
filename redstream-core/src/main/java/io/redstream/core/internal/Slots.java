package io.redstream.core.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.util.JedisClusterCRC16;

/** Hash-slot helpers: on a cluster one command may only name keys of one slot. */
public final class Slots {
    private Slots() {
    }

    /**
     * The cluster hash slot of {@code key}, honouring hash tags.
     *
     * @param key the Redis key
     * @return the slot, 0 to 16383
     */
    public static int of(String key) {
        return JedisClusterCRC16.getSlot(key);
    }

    /**
     * Keys grouped by slot, in first-seen order; one group on a standalone server.
     *
     * @param keys the keys to group
     * @param cluster {@code false} puts every key in one group
     * @return the groups, each non-empty
     */
    public static List<List<String>> group(Collection<String> keys, boolean cluster) {
        if (!cluster) {
            return List.of(new ArrayList<>(keys));
        }
        Map<Integer, List<String>> bySlot = new LinkedHashMap<>();
        for (String k : keys) {
            bySlot.computeIfAbsent(of(k), s -> new ArrayList<>()).add(k);
        }
        return new ArrayList<>(bySlot.values());
    }
}
