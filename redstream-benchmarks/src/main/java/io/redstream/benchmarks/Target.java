package io.redstream.benchmarks;

import io.redstream.auth.AuthMethod;
import io.redstream.auth.Policy;
import io.redstream.auth.Principal;
import io.redstream.core.RedStream;
import io.redstream.testkit.RedisClusterProcess;
import io.redstream.testkit.RedisServerProcess;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * One Redis (standalone or the 3-node cluster) with the two sides every library row compares: a raw Jedis client
 * and a RedStream client with the same pool size, plus RedStream's guarded view for a {@code task_write}
 * principal (so publish pays for authorization as a secured service does).
 */
final class Target implements AutoCloseable {
    final String name;
    final UnifiedJedis raw;
    final RedStream rs;
    final RedStream secured;
    /** Standalone only: where peers connect. */
    final RedisServerProcess server;
    private final AutoCloseable process;

    private Target(String name, UnifiedJedis raw, RedStream rs, RedisServerProcess server, AutoCloseable process) {
        this.name = name;
        this.raw = raw;
        this.rs = rs;
        Principal writer = new Principal("bench-writer", Set.of("task_write", "task_read"), new AuthMethod.Local());
        this.secured = rs.withGuard(Policy.builtIn().guardFor(writer));
        this.server = server;
        this.process = process;
    }

    static Target standalone() {
        RedisServerProcess redis = RedisServerProcess.start();
        UnifiedJedis raw = RedisClient.builder().hostAndPort(redis.host(), redis.port()).poolConfig(pool()).build();
        RedStream rs = RedStream.builder().redisUri(redis.uri()).identity(Workload.IDENTITY).build();
        return new Target("standalone", raw, rs, redis, redis);
    }

    static Target cluster() {
        RedisClusterProcess cluster = RedisClusterProcess.start();
        List<String> nodes = cluster.nodes();
        Set<HostAndPort> seeds = new HashSet<>();
        nodes.forEach(n -> seeds.add(HostAndPort.from(n)));
        UnifiedJedis raw = RedisClusterClient.builder().nodes(seeds).poolConfig(pool()).build();
        RedStream rs = RedStream.builder().clusterNodes(nodes.toArray(String[]::new)).identity(Workload.IDENTITY)
                .build();
        return new Target("cluster (3 masters)", raw, rs, null, cluster);
    }

    /** The same pool size RedStream uses by default, so concurrent rows compare equal resources. */
    private static GenericObjectPoolConfig<Connection> pool() {
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(RedStream.Builder.DEFAULT_POOL_SIZE);
        pool.setMaxIdle(RedStream.Builder.DEFAULT_POOL_SIZE);
        pool.setJmxEnabled(false);
        return pool;
    }

    String redisVersion() {
        RedisServerProcess node = server != null ? server
                : ((RedisClusterProcess) process).nodeProcesses().get(0);
        String info;
        try (redis.clients.jedis.Jedis j = node.connect()) {
            info = j.info("server");
        }
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("redis_version:")) {
                return line.substring("redis_version:".length()).trim();
            }
        }
        return "?";
    }

    @Override
    public void close() throws Exception {
        rs.close();
        raw.close();
        process.close();
    }
}
