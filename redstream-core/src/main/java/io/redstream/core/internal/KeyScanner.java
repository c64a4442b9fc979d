package io.redstream.core.internal;

import io.redstream.core.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * {@code SCAN} over a standalone server or every master of a cluster. On a cluster the cursor is
 * {@code <node>:<cursor>}, walking masters in address order, so a listing resumes where it stopped.
 */
final class KeyScanner {
    /** Masters change only on failover or resharding; a listing may use a list this old. */
    private static final long MASTERS_TTL_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

    private final RedisGateway gateway;
    private volatile List<String> masters = List.of();
    private volatile long mastersAt;

    KeyScanner(RedisGateway gateway) {
        this.gateway = gateway;
    }

    /** Raw page of names matching {@code pattern}, of {@code type} when not null. */
    Page scan(String pattern, String cursor, int count, String type) {
        ScanParams params = new ScanParams().match(pattern).count(count);
        if (!gateway.isCluster()) {
            requireNumeric(cursor);
            ScanResult<String> r = gateway.call(Operation.SCAN, pattern, j -> type == null ? j.scan(cursor, params)
                    : j.scan(cursor, params, type));
            return new Page(r.getResult(), r.getCursor());
        }
        return gateway.call(Operation.SCAN, pattern, j -> scanCluster((RedisClusterClient) j, pattern, cursor, params,
                type));
    }

    private Page scanCluster(RedisClusterClient client, String pattern, String cursor, ScanParams params,
            String type) {
        int node = 0;
        String nodeCursor = cursor;
        int colon = cursor.indexOf(':');
        if (colon >= 0) {
            node = parseNode(cursor.substring(0, colon));
            nodeCursor = cursor.substring(colon + 1);
        }
        requireNumeric(nodeCursor);
        List<String> masters = masters(client);
        if (node >= masters.size()) {
            return new Page(List.of(), "0");
        }
        ConnectionPool pool = client.getClusterNodes().get(masters.get(node));
        if (pool == null) {
            mastersAt = 0; // topology changed under us: ask again next page
            throw new InvalidArgumentException("cursor refers to a node that left the cluster; start again from 0");
        }
        try (Connection c = pool.getResource()) {
            Jedis jedis = new Jedis(c);
            ScanResult<String> r = type == null ? jedis.scan(nodeCursor, params) : jedis.scan(nodeCursor, params, type);
            String next;
            if (!"0".equals(r.getCursor())) {
                next = node + ":" + r.getCursor();
            } else if (node + 1 < masters.size()) {
                next = (node + 1) + ":0";
            } else {
                next = "0";
            }
            return new Page(r.getResult(), next);
        }
    }

    /** Master addresses in a stable order; asked with ROLE at most every 10 s, not on every page. */
    private List<String> masters(RedisClusterClient client) {
        if (!masters.isEmpty() && System.nanoTime() - mastersAt < MASTERS_TTL_NANOS) {
            return masters;
        }
        Map<String, ConnectionPool> sorted = new TreeMap<>(client.getClusterNodes());
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, ConnectionPool> e : sorted.entrySet()) {
            try (Connection c = e.getValue().getResource()) {
                List<Object> role = new Jedis(c).role();
                if (!role.isEmpty() && "master".equals(asString(role.get(0)))) {
                    out.add(e.getKey());
                }
            }
        }
        masters = List.copyOf(out);
        mastersAt = System.nanoTime();
        return masters;
    }

    private static String asString(Object o) {
        return o instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : String.valueOf(o);
    }

    private static int parseNode(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("cursor must be one returned by a previous page, but was '" + s + "'");
        }
    }

    private static void requireNumeric(String cursor) {
        if (cursor == null || !cursor.matches("\\d{1,20}")) {
            throw new InvalidArgumentException("cursor must be \"0\" or one returned by a previous page, but was "
                    + (cursor == null ? "null" : "'" + cursor + "'"));
        }
    }

    record Page(List<String> names, String cursor) {
    }
}
