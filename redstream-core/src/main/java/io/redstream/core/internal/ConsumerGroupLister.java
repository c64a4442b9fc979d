package io.redstream.core.internal;

import io.redstream.core.InvalidArgumentException;
import io.redstream.core.stream.GroupInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.resps.StreamGroupInfo;

/** Reads {@code XINFO GROUPS}, including the Redis 7 {@code entries-read} and {@code lag} fields. */
final class ConsumerGroupLister {
    private final RedisGateway gateway;

    ConsumerGroupLister(RedisGateway gateway) {
        this.gateway = gateway;
    }

    List<GroupInfo> list(String key) {
        List<StreamGroupInfo> raw;
        try {
            raw = gateway.call(Operation.GROUP_LIST, key, j -> j.xinfoGroups(key));
        } catch (InvalidArgumentException e) {
            if (e.getMessage() != null && e.getMessage().contains("no such key")) {
                return List.of();
            }
            throw e;
        }
        List<GroupInfo> out = new ArrayList<>(raw.size());
        for (StreamGroupInfo g : raw) {
            Map<String, Object> all = g.getGroupInfo();
            out.add(new GroupInfo(g.getName(), g.getConsumers(), g.getPending(),
                    g.getLastDeliveredId() == null ? null : g.getLastDeliveredId().toString(),
                    asLong(all.get("entries-read")), asLong(all.get("lag"))));
        }
        return out;
    }

    private static Long asLong(Object v) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof byte[] b) {
            return Long.parseLong(new String(b, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (v instanceof String s) {
            return Long.parseLong(s);
        }
        return null;
    }
}
