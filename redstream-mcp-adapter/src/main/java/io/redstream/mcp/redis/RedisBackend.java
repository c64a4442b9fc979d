package io.redstream.mcp.redis;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.redstream.core.RedStream;
import io.redstream.core.RedStreamConnectionException;
import io.redstream.embedded.EmbeddedRedis;
import io.redstream.mcp.ServerConfig;
import io.redstream.mcp.StartupException;
import io.redstream.mcp.internal.Redaction;
import io.redstream.mcp.tools.ToolException;

/**
 * The Redis the tools talk to: the one named by {@code --redis}/{@code --cluster}, or an embedded Redis
 * started for this process and stopped with it.
 *
 * <p>Connecting (and starting the embedded Redis) runs on a background thread started by
 * {@link #start()} once the server is serving, so the server answers {@code initialize} and
 * {@code tools/list} without waiting for Redis; a tool call starts it if needed and waits for it (at
 * most {@link #STARTUP_WAIT}). A cluster that could not be reached is tried again on the next call; an
 * embedded Redis that failed to start is reported on every call.
 *
 * <p>Thread-safe; {@link #close()} is idempotent and also stops a start still in progress.
 */
final class RedisBackend implements AutoCloseable {

    static final Duration STARTUP_WAIT = Duration.ofSeconds(20);

    private static final Logger log = LoggerFactory.getLogger(RedisBackend.class);

    private final ServerConfig config;
    private final RedStream.Builder builder;
    private final Object lock = new Object();
    private CompletableFuture<RedStream> client;
    private EmbeddedRedis embedded;
    private boolean closed;

    private RedisBackend(ServerConfig config, RedStream.Builder builder) {
        this.config = config;
        this.builder = builder;
    }

    /**
     * Checks the connection settings now; {@link #start()} starts connecting.
     *
     * @param identity written as {@code _source} on every message published through this server
     * @throws StartupException when the settings cannot work
     */
    static RedisBackend start(ServerConfig config, String identity) {
        requireNonNull(config, "config");
        RedStream.Builder builder = RedStream.builder().identity(identity).limits(coreLimits(config));
        try {
            if (!config.clusterNodes().isEmpty()) {
                builder.clusterNodes(config.clusterNodes().toArray(String[]::new));
            } else if (config.redisUri().isPresent()) {
                builder.redisUri(config.redisUri().get());
            }
        } catch (IllegalArgumentException e) {
            throw new StartupException((config.redisUri().isPresent() ? "--redis" : "--cluster") + ": "
                    + Redaction.redact(e.getMessage()));
        }
        RedisBackend backend = new RedisBackend(config, builder);
        if (config.embeddedRedis()) {
            log.warn("no --redis, REDIS_URL or --cluster given: starting an embedded Redis for this process"
                    + " (its data is temporary and deleted when the server exits)");
        }
        return backend;
    }

    /** Starts connecting in the background, unless that has begun already. */
    void start() {
        synchronized (lock) {
            if (client == null && !closed) {
                client = connectAsync();
            }
        }
    }

    /** The core limits that mirror the server's tool limits, so core refuses what the tools refuse. */
    static io.redstream.core.Limits coreLimits(ServerConfig config) {
        var limits = config.limits();
        return io.redstream.core.Limits.builder()
                .maxCount(limits.maxCount())
                .maxFieldsPerMessage(limits.maxCount())
                .maxMessageBytes(limits.maxValueBytes())
                .maxValueBytes(limits.maxValueBytes())
                .maxBlock(Duration.ofMillis(limits.maxBlockMillis()))
                .build();
    }

    /**
     * The connected client, waiting for the background start if needed.
     *
     * @throws ToolException UNAVAILABLE when Redis is not (yet) usable
     */
    RedStream client() {
        CompletableFuture<RedStream> current;
        synchronized (lock) {
            if (closed) {
                throw ToolException.unavailable("the server is shutting down");
            }
            if (client == null) {
                client = connectAsync();
            }
            current = client;
        }
        try {
            return current.get(STARTUP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw ToolException.unavailable("Redis is still starting (waited " + STARTUP_WAIT.toSeconds()
                    + " s); retry shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ToolException.unavailable("the call was interrupted while waiting for Redis; retry");
        } catch (CancellationException e) {
            throw ToolException.unavailable("the server is shutting down");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RedStreamConnectionException && !config.embeddedRedis()) {
                synchronized (lock) {
                    if (client == current && !closed) {
                        client = connectAsync(); // the next call tries again
                    }
                }
                throw ToolException.unavailable(Redaction.redact(cause.getMessage())
                        + "; the server keeps running: retry when Redis is reachable");
            }
            if (config.embeddedRedis()) {
                throw ToolException.unavailable("the embedded Redis did not start ("
                        + Redaction.redact(String.valueOf(cause.getMessage()))
                        + "); restart the server, or give --redis URI to use your own Redis");
            }
            throw ToolException.unavailable("cannot connect to Redis ("
                    + Redaction.redact(String.valueOf(cause.getMessage())) + "); see the server log");
        }
    }

    /** {@code standalone} or {@code cluster}, for reports made without a connection. */
    String topologyHint() {
        return config.clusterNodes().isEmpty() ? "standalone" : "cluster";
    }

    boolean isEmbedded() {
        return config.embeddedRedis();
    }

    private CompletableFuture<RedStream> connectAsync() {
        CompletableFuture<RedStream> future = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                future.complete(open());
            } catch (Throwable t) {
                if (!(t instanceof CancellationException)) {
                    log.error("cannot connect to Redis: {}", Redaction.describe(t));
                }
                future.completeExceptionally(t);
            }
        }, "redstream-mcp-redis-start");
        starter.setDaemon(true);
        starter.start();
        return future;
    }

    private RedStream open() {
        if (config.embeddedRedis()) {
            EmbeddedRedis process = EmbeddedRedis.start(); // a random password only this process knows
            synchronized (lock) {
                if (closed) {
                    process.close();
                    throw new CancellationException("closed while starting");
                }
                embedded = process;
            }
            log.info("embedded Redis started at redis://{} (pid {}), protected by a random password; it is stopped"
                    + " when this server exits, even if it is killed", process.address(), process.pid());
            builder.redisUri(process.uri()); // with the password: never log it
        }
        RedStream rs;
        synchronized (builder) { // the builder is shared by retries
            rs = builder.build();
        }
        synchronized (lock) {
            if (closed) {
                rs.close();
                throw new CancellationException("closed while connecting");
            }
        }
        return rs;
    }

    @Override
    public void close() {
        CompletableFuture<RedStream> current;
        EmbeddedRedis process;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            current = client;
            process = embedded;
            embedded = null;
        }
        if (current != null) {
            current.whenComplete((rs, failure) -> {
                if (rs != null) {
                    rs.close();
                }
            });
        }
        if (process != null) {
            process.close();
            log.info("embedded Redis stopped");
        }
    }
}
