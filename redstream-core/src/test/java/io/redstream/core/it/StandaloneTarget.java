package io.redstream.core.it;

import io.redstream.core.RedStream;
import io.redstream.testkit.RedisServerProcess;
import redis.clients.jedis.Jedis;

/** The shared embedded standalone Redis. */
final class StandaloneTarget implements RedisTarget {
    private final RedisServerProcess server;

    StandaloneTarget(RedisServerProcess server) {
        this.server = server;
    }

    @Override
    public RedStream.Builder builder() {
        return RedStream.builder().redisUri(server.uri());
    }

    @Override
    public void flushAll() {
        server.flushAll();
    }

    @Override
    public long dbSize() {
        try (Jedis j = server.connect()) {
            return j.dbSize();
        }
    }

    @Override
    public boolean isCluster() {
        return false;
    }

    @Override
    public redis.clients.jedis.UnifiedJedis raw() {
        return redis.clients.jedis.RedisClient.builder()
                .hostAndPort(redis.clients.jedis.HostAndPort.from(server.address()))
                .build();
    }

    void xdel(String stream, String... ids) {
        try (Jedis j = server.connect()) {
            j.xdel(stream, java.util.Arrays.stream(ids).map(redis.clients.jedis.StreamEntryID::new)
                    .toArray(redis.clients.jedis.StreamEntryID[]::new));
        }
    }
}
