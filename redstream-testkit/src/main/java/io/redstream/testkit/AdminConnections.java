package io.redstream.testkit;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisProtocol;

/**
 * Short-lived, single Jedis connections the fixtures use to administer their own servers (flush, form a
 * cluster, check its state). Readiness at start is the embedded runtime's job and needs no client.
 *
 * <p>Plain {@link Jedis}, no pool: these run a handful of commands and close, and a pool would keep
 * sockets open to servers the fixture is about to kill.
 */
final class AdminConnections {

    static final int ADMIN_TIMEOUT_MILLIS = 5_000;

    private AdminConnections() {}

    static Jedis open(String host, int port, String password, int timeoutMillis) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeoutMillis)
                .socketTimeoutMillis(timeoutMillis)
                .clientName("redstream-testkit")
                // Plain Jedis speaks RESP2 only; saying so explicitly avoids a warning on every call. (An explicit
                // protocol rather than Jedis 8's serverDefaultProtocol(): the fixtures also run on Jedis 7.)
                .protocol(RedisProtocol.RESP2);
        if (password != null) {
            config.password(password);
        }
        return new Jedis(host, port, config.build());
    }
}
