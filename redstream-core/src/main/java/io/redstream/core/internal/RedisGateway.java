package io.redstream.core.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.providers.PooledConnectionProvider;

/**
 * The single place RedStream talks to Redis through. Owns the Jedis client (pooled, standalone or cluster) and
 * translates every Jedis exception at this boundary.
 *
 * <p>Thread-safe: Jedis clients are pooled and safe for concurrent use.
 */
public final class RedisGateway implements AutoCloseable {
    private final ConnectionSettings settings;
    private final UnifiedJedis jedis;
    private final DefaultJedisClientConfig clientConfig;
    private final OperationMetrics metrics;

    public RedisGateway(ConnectionSettings settings, OperationMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
        this.clientConfig = clientConfig(settings);
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(settings.poolMaxTotal());
        pool.setMaxIdle(settings.poolMaxIdle());
        pool.setMinIdle(settings.poolMinIdle());
        pool.setMaxWait(settings.connectTimeout().plus(settings.socketTimeout()));
        // Idle connections are checked every few seconds in the background, and on borrow when they sat unused for
        // validateAfterIdle (standalone; the cluster client retries a failed connection on a fresh one itself), so
        // a connection made stale by a Redis restart is replaced instead of failing a caller.
        pool.setTestWhileIdle(true);
        pool.setTestOnBorrow(!settings.cluster());
        pool.setTimeBetweenEvictionRuns(java.time.Duration.ofSeconds(5));
        pool.setJmxEnabled(false);
        if (settings.cluster()) {
            Set<HostAndPort> seeds = new HashSet<>();
            for (String node : settings.nodes()) {
                seeds.add(HostAndPort.from(node));
            }
            this.jedis = RedisClusterClient.builder().nodes(seeds).clientConfig(clientConfig).poolConfig(pool).build();
        } else {
            HostAndPort node = HostAndPort.from(settings.nodes().get(0));
            PooledConnectionProvider provider = new PooledConnectionProvider(
                    new IdleValidatingConnectionFactory(node, clientConfig, settings.validateAfterIdle()), pool);
            this.jedis = RedisClient.builder().connectionProvider(provider).clientConfig(clientConfig).build();
        }
    }

    private static DefaultJedisClientConfig clientConfig(ConnectionSettings s) {
        DefaultJedisClientConfig.Builder b = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis(s.connectTimeout()))
                .socketTimeoutMillis(millis(s.socketTimeout()))
                .blockingSocketTimeoutMillis(millis(s.blockingSocketTimeout()))
                .ssl(s.ssl())
                .clientName(s.clientName());
        if (s.sslContext() != null) {
            b.sslSocketFactory(s.sslContext().getSocketFactory());
        }
        if (s.ssl()) {
            // Verify that the certificate names the host we dialled, as HTTPS does; a custom context changes what
            // is trusted, not whether the name is checked.
            javax.net.ssl.SSLParameters params = new javax.net.ssl.SSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            b.sslParameters(params);
        }
        if (s.user() != null) {
            b.user(s.user());
        }
        if (s.password() != null) {
            b.password(s.password());
        }
        if (!s.cluster() && s.database() != 0) {
            b.database(s.database());
        }
        return b.build();
    }

    private static int millis(java.time.Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }

    /**
     * Runs one client call, translating any failure and timing it when metrics are on. Every Redis command of
     * RedStream passes here, keyed by its {@link Operation}: the one place a per-operation hook (metrics today)
     * wraps the command.
     *
     * @param subject what the operation acts on (a key, "g on key"), used only to word an error
     */
    public <T> T call(Operation operation, String subject, Function<UnifiedJedis, T> command) {
        if (!metrics.enabled()) {
            try {
                return command.apply(jedis);
            } catch (RuntimeException e) {
                throw ErrorTranslator.translate(operation, subject, e);
            }
        }
        long start = System.nanoTime();
        try {
            T result = command.apply(jedis);
            metrics.record(operation, System.nanoTime() - start, true);
            return result;
        } catch (RuntimeException e) {
            metrics.record(operation, System.nanoTime() - start, false);
            throw ErrorTranslator.translate(operation, subject, e);
        }
    }

    public OperationMetrics metrics() {
        return metrics;
    }

    public boolean isCluster() {
        return settings.cluster();
    }

    public ConnectionSettings settings() {
        return settings;
    }

    /** The client config, for components that open dedicated connections (pub/sub). */
    public DefaultJedisClientConfig clientConfig() {
        return clientConfig;
    }

    /** The underlying client, for internal components that pipeline or need cluster details. */
    public UnifiedJedis jedis() {
        return jedis;
    }

    @Override
    public void close() {
        jedis.close();
    }
}
