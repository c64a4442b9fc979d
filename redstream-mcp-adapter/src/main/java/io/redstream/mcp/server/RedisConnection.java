package io.redstream.mcp.server;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.redstream.core.RedStream;
import io.redstream.core.RedStreamConnectionException;
import io.redstream.core.Redaction;
import io.redstream.embedded.EmbeddedRedis;
import io.redstream.mcp.ServerConfig;
import io.redstream.mcp.tools.RedisSite;

/**
 * The Redis the tools talk to: the one named by {@code --redis}/{@code --cluster}, or an embedded Redis started
 * for this process (protected by a random password, stopped with the server even when it is killed). Connecting (and starting the embedded Redis) runs in the background once
 * {@link #start()} is called — after the server answers its first messages — and the first call waits for it (at
 * most {@link #STARTUP_WAIT}). A cluster that could not be reached is tried again on the next call.
 * Thread-safe; {@link #close()} is idempotent and also stops a start still in progress.
 */
public final class RedisConnection implements AutoCloseable, RedisSite {

    static final Duration STARTUP_WAIT = Duration.ofSeconds(20);

    private static final Logger log = LoggerFactory.getLogger(RedisConnection.class);

    private final ServerConfig config;
    private final RedStream.Builder builder;
    private final Object lock = new Object();
    private CompletableFuture<RedStream> client;
    private EmbeddedRedis embedded;
    private boolean closed;

    /**
     * @param identity written as {@code _source} on every message published through this server
     */
    public RedisConnection(ServerConfig config, String identity) {
        this.config = requireNonNull(config, "config");
        this.builder = RedStream.builder().identity(identity).limits(config.limits());
        if (!config.clusterNodes().isEmpty()) {
            builder.clusterNodes(config.clusterNodes().toArray(String[]::new));
        } else {
            config.redisUri().ifPresent(builder::redisUri);
        }
    }

    /** Starts connecting in the background, unless that has begun already. */
    public void start() {
        synchronized (lock) {
            if (client == null && !closed) {
                client = connectAsync();
            }
        }
    }

    /**
     * The connected client, waiting for the background start if needed.
     *
     * @throws RedStreamConnectionException when Redis is not (yet) usable; the message says what to do
     */
    public RedStream client() {
        CompletableFuture<RedStream> current;
        synchronized (lock) {
            if (closed) {
                throw new RedStreamConnectionException("the server is shutting down");
            }
            if (client == null) {
                client = connectAsync();
            }
            current = client;
        }
        RedStream ready = current.getNow(null);
        if (ready != null) {
            return ready;
        }
        try {
            return current.get(STARTUP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new RedStreamConnectionException("Redis is still starting (waited " + STARTUP_WAIT.toSeconds()
                    + " s)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedStreamConnectionException("the call was interrupted while waiting for Redis");
        } catch (CancellationException e) {
            throw new RedStreamConnectionException("the server is shutting down");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RedStreamConnectionException && !config.embeddedRedis()) {
                synchronized (lock) {
                    if (client == current && !closed) {
                        client = connectAsync(); // the next call tries again
                    }
                }
                throw new RedStreamConnectionException(Redaction.redact(cause.getMessage()));
            }
            if (config.embeddedRedis()) {
                throw new RedStreamConnectionException("the embedded Redis did not start ("
                        + Redaction.redact(String.valueOf(cause.getMessage()))
                        + "); restart the server, or give --redis URI to use your own Redis");
            }
            throw new RedStreamConnectionException("cannot connect to Redis (" + Redaction.redact(String.valueOf(
                    cause.getMessage())) + "); see the server log");
        }
    }

    /** The client if it is connected and not closed, without waiting. */
    public Optional<RedStream> clientIfConnected() {
        synchronized (lock) {
            if (closed || client == null || !client.isDone() || client.isCompletedExceptionally()) {
                return Optional.empty();
            }
            return Optional.ofNullable(client.getNow(null));
        }
    }

    @Override
    public boolean embedded() {
        return config.embeddedRedis();
    }

    @Override
    public String topology() {
        return config.clusterNodes().isEmpty() ? "standalone" : "cluster";
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
            RedStream rs = current.getNow(null);
            if (rs != null) {
                rs.close();
            } else {
                current.whenComplete((late, failure) -> {
                    if (late != null) {
                        late.close();
                    }
                });
            }
        }
        if (process != null) {
            process.close();
            log.info("embedded Redis stopped");
        }
    }
}
