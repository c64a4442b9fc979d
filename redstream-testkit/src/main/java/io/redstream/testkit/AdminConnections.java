package io.redstream.testkit;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Short-lived, single connections the fixtures use to probe and administer their own servers.
 *
 * <p>Plain {@link Jedis}, no pool: these run a handful of commands and close, and a pool would keep
 * sockets open to servers the fixture is about to kill.
 */
final class AdminConnections {

    /**
     * Probes are retried every few milliseconds; a short timeout keeps a port held by a silent process
     * from stalling startup. A loopback redis answers in well under a millisecond.
     */
    static final int PROBE_TIMEOUT_MILLIS = 500;
    static final int ADMIN_TIMEOUT_MILLIS = 5_000;

    private AdminConnections() {}

    static Jedis open(String host, int port, String password, int timeoutMillis) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeoutMillis)
                .socketTimeoutMillis(timeoutMillis)
                .clientName("redstream-testkit")
                // Plain Jedis speaks RESP2 only; saying so explicitly avoids a warning on every probe. (An explicit
                // protocol rather than Jedis 8's serverDefaultProtocol(): the fixtures also run on Jedis 7.)
                .protocol(RedisProtocol.RESP2);
        if (password != null) {
            config.password(password);
        }
        return new Jedis(host, port, config.build());
    }

    /**
     * True when the server on {@code port} answers PING and is the process {@code expectedPid}. The pid
     * check matters: if another process won the race for the port, a bare PING would succeed against
     * the wrong server while ours has already died.
     */
    static boolean isReady(String host, int port, String password, long expectedPid) {
        try (Jedis jedis = open(host, port, password, PROBE_TIMEOUT_MILLIS)) {
            if (!"PONG".equalsIgnoreCase(jedis.ping())) {
                return false;
            }
            return serverPid(jedis.info("server")) == expectedPid;
        } catch (JedisException e) {
            // Not listening yet, still loading the AOF (-LOADING), or not ours: keep polling.
            return false;
        }
    }

    /** The {@code process_id} field of an INFO reply, or -1. */
    static long serverPid(String info) {
        for (String line : info.split("\\R")) {
            if (line.startsWith("process_id:")) {
                try {
                    return Long.parseLong(line.substring("process_id:".length()).trim());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }
}
