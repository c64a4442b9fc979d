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

    /**
     * Creates the pooled client (standalone) or the cluster client, which reads the slot map at once.
     *
     * @param settings nodes, credentials, TLS, timeouts and pool bounds
     * @param metrics where call timings go; a no-op instance when metrics are off
     * @throws RuntimeException a Jedis failure when a cluster cannot be reached; the caller translates it
     */
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
     * @param <T> the type of the command's reply
     * @param operation the kind of call, for the metric tag and the error message
     * @param command the Jedis call to run
     * @return what {@code command} returned
     * @throws io.redstream.core.RedStreamException the call failed, translated by {@link ErrorTranslator}
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

    /**
     * The timers every call is recorded in.
     *
     * @return the metrics of this gateway
     */
    public OperationMetrics metrics() {
        return metrics;
    }

    /**
     * Whether this gateway talks to a Redis Cluster.
     *
     * @return {@code true} for a cluster client
     */
    public boolean isCluster() {
        return settings.cluster();
    }

    /**
     * The settings the gateway was created with.
     *
     * @return the connection settings
     */
    public ConnectionSettings settings() {
        return settings;
    }

    /**
     * The client config, for components that open dedicated connections (pub/sub).
     *
     * @return the Jedis client configuration: credentials, TLS, timeouts and client name
     */
    public DefaultJedisClientConfig clientConfig() {
        return clientConfig;
    }

    /**
     * The underlying client, for internal components that pipeline or need cluster details.
     *
     * @return the shared Jedis client; never close it
     */
    public UnifiedJedis jedis() {
        return jedis;
    }

    @Override
    public void close() {
        jedis.close();
    }
}
