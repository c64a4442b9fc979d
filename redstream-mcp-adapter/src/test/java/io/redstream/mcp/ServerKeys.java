package io.redstream.mcp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The keys a running server writes about itself — its heartbeat {@code nova:agent:mcp-<host>-<pid>:presence} and
 * {@code nova:system:mcp:events} — told apart from what callers wrote, for tests that prove nothing was written.
 */
final class ServerKeys {

    static final Pattern OWN = Pattern.compile("nova:agent:mcp-[a-z0-9-]+-\\d+:presence|nova:system:mcp:events");

    private ServerKeys() {
    }

    static boolean isServers(String key) {
        return OWN.matcher(key).matches();
    }

    /** Every key in Redis except the server's own. */
    static List<String> callerKeys(Jedis j) {
        List<String> keys = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = j.scan(cursor, new ScanParams().count(1000));
            page.getResult().stream().filter(k -> !isServers(k)).forEach(keys::add);
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }
}
