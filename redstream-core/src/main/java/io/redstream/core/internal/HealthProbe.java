package io.redstream.core.internal;

import io.redstream.core.health.HealthReport;
import java.time.Duration;
import java.util.Map;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;

/** PING round trip, server version, topology and pool usage; reports DOWN instead of throwing. */
public final class HealthProbe {
    private final RedisGateway gateway;

    /**
     * A probe of the gateway's connections.
     *
     * @param gateway the gateway to check
     */
    public HealthProbe(RedisGateway gateway) {
        this.gateway = gateway;
    }

    /**
     * Sends {@code PING} and {@code INFO server}, reads the pool usage, and reports.
     *
     * @return UP with latency, version, topology and pool usage; DOWN with the redacted reason when anything failed
     */
    public HealthReport check() {
        String topology = "standalone";
        int active = 0;
        int idle = 0;
        try {
            if (gateway.isCluster()) {
                Map<String, ConnectionPool> nodes = ((RedisClusterClient) gateway.jedis()).getClusterNodes();
                topology = "cluster (" + nodes.size() + " nodes)";
                for (ConnectionPool p : nodes.values()) {
                    active += p.getNumActive();
                    idle += p.getNumIdle();
                }
            } else {
                var pool = ((RedisClient) gateway.jedis()).getPool();
                active = pool.getNumActive();
                idle = pool.getNumIdle();
            }
            long start = System.nanoTime();
            gateway.call(Operation.HEALTH, "ping", j -> j.ping());
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            String info = gateway.call(Operation.HEALTH, "info", j -> j.info("server"));
            return new HealthReport(true, latency, field(info, "redis_version"), topology, active, idle, null);
        } catch (RuntimeException e) {
            return new HealthReport(false, null, null, topology, active, idle,
                    ErrorTranslator.translate(Operation.HEALTH, "check", e).getMessage());
        }
    }

    private static String field(String info, String name) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }
}
