package io.redstream.testkit;

import static java.util.Objects.requireNonNull;

import io.redstream.embedded.AppendFsync;
import io.redstream.embedded.EmbeddedRedis;
import io.redstream.embedded.RedisProcessException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;

/**
 * One real {@code redis-server} for tests: an {@link EmbeddedRedis} (free loopback port, temp data
 * directory, watchdog, orphan reaping) plus what only tests need — {@link #kill()} to simulate a crash,
 * {@link #connect()} for a Jedis connection, {@link #flushAll()} — and test defaults: <b>no password</b>
 * unless the test asks for one, and {@link #uri()} without credentials.
 *
 * <pre>{@code
 * try (RedisServerProcess redis = RedisServerProcess.start()) {
 *   RedStream rs = RedStream.builder().redisUri(redis.uri()).build();
 *   ...
 * }
 * }</pre>
 *
 * <p><b>Lifecycle.</b> {@link Builder#start()} returns a running server that answered PING.
 * {@link #kill()} and {@link #stop()} end the process but keep the fixture (port, data directory) so
 * {@link #restart()} can bring it back; {@link #close()} ends the process for good and deletes the data
 * directory if the fixture created it. {@code close()} is idempotent. The embedded runtime's watchdog,
 * shutdown hook and pid files (see {@link #reapOrphans()}) make sure no process outlives the test run.
 *
 * <p><b>Thread-safety.</b> Thread-safe: lifecycle methods are synchronized, so a {@code restart()} racing
 * a {@code close()} either completes before the close or fails with {@link IllegalStateException}.
 */
public final class RedisServerProcess implements AutoCloseable {

    /** The only address servers bind to and clients should use. */
    public static final String HOST = EmbeddedRedis.HOST;

    /** How long {@code start()} and {@code restart()} wait for the server to answer PING. */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = EmbeddedRedis.DEFAULT_STARTUP_TIMEOUT;

    /** How long {@code stop()} waits after SIGTERM before falling back to SIGKILL. */
    public static final Duration DEFAULT_STOP_TIMEOUT = EmbeddedRedis.DEFAULT_STOP_TIMEOUT;

    /** Log file (stdout and stderr of every start, appended) inside the data directory. */
    public static final String LOG_FILE_NAME = EmbeddedRedis.LOG_FILE_NAME;

    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(5);

    private final EmbeddedRedis redis;

    private RedisServerProcess(EmbeddedRedis redis) {
        this.redis = redis;
    }

    /** Starts a server with all defaults: free port, fresh temp data directory, no password, no persistence. */
    public static RedisServerProcess start() {
        return builder().start();
    }

    /** A builder with the defaults listed on {@link Builder}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Kills redis-server processes recorded by JVMs that are no longer alive and deletes the temp data
     * directories they created; see {@link EmbeddedRedis#reapOrphans()}. Runs automatically the first
     * time a JVM starts a server.
     *
     * @return how many orphaned processes were killed
     */
    public static int reapOrphans() {
        return EmbeddedRedis.reapOrphans();
    }

    /** The embedded server under this fixture, e.g. for its {@link EmbeddedRedis#uri()} with credentials. */
    public EmbeddedRedis embedded() {
        return redis;
    }

    /** Always {@value #HOST}. */
    public String host() {
        return HOST;
    }

    /** The port; fixed for the fixture's lifetime, {@link #restart()} reuses it. */
    public int port() {
        return redis.port();
    }

    /** {@code 127.0.0.1:port}, the form cluster clients and {@code clusterNodes(...)} take. */
    public String address() {
        return redis.address();
    }

    /**
     * {@code redis://127.0.0.1:port}. Without the password even when one is set, so the URI is safe to
     * log; combine it with {@link #password()} where authentication is needed.
     */
    public String uri() {
        return "redis://" + address();
    }

    /** The {@code requirepass} password, if one was configured. */
    public Optional<String> password() {
        return redis.password();
    }

    /** The data directory (AOF, cluster state, generated redis.conf, redis.log). */
    public Path dataDirectory() {
        return redis.dataDirectory();
    }

    /** The server's log: every start appends to it. */
    public Path logFile() {
        return redis.logFile();
    }

    /** The TLS port, or 0 when the server was built without {@link Builder#tls(Path, Path)}. */
    public int tlsPort() {
        return redis.tlsPort();
    }

    /** {@code rediss://127.0.0.1:<tlsPort>}; only for a server built with {@link Builder#tls(Path, Path)}. */
    public String tlsUri() {
        int tlsPort = redis.tlsPort();
        if (tlsPort == 0) {
            throw new IllegalStateException("this server has no TLS port: build it with tls(certificate, key)");
        }
        return "rediss://" + HOST + ":" + tlsPort;
    }

    /** The cluster bus port ({@code cluster-port}); 0 unless cluster mode. Fixed like {@link #port()}. */
    int clusterBusPort() {
        return redis.clusterBusPort();
    }

    /** Pid of the current process, or of the last one if it has been killed or stopped. */
    public long pid() {
        return redis.pid();
    }

    /** Whether the current process is running. */
    public boolean isAlive() {
        return redis.isAlive();
    }

    /** Whether {@link #close()} was called; a closed server cannot be restarted. */
    public boolean isClosed() {
        return redis.isClosed();
    }

    /**
     * Opens a new plain Jedis connection to this server (authenticated if a password is set, 5 s
     * timeouts). The caller closes it.
     */
    public Jedis connect() {
        return AdminConnections.open(HOST, port(), password().orElse(null), AdminConnections.ADMIN_TIMEOUT_MILLIS);
    }

    /** Deletes every key in every database: the way tests sharing one server clean up. */
    public void flushAll() {
        try (Jedis jedis = connect()) {
            jedis.flushAll();
        }
    }

    /**
     * A crash: SIGKILL to redis-server, then waits for the process to be gone. The data directory stays,
     * so {@link #restart()} recovers whatever the AOF holds. No-op if the process is not running.
     *
     * @throws RedisProcessException if the process is still there 5 s after SIGKILL
     */
    public synchronized void kill() {
        if (!redis.isAlive()) {
            return;
        }
        // Behind the embedded server's back, as a crash would be: it notices through its watchdog.
        ProcessHandle.of(redis.pid()).ifPresent(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + KILL_TIMEOUT.toNanos();
        while (redis.isAlive()) {
            if (System.nanoTime() - deadline > 0) {
                throw new RedisProcessException("redis-server pid " + redis.pid() + " still running "
                        + KILL_TIMEOUT.toMillis() + " ms after SIGKILL");
            }
            try {
                TimeUnit.MILLISECONDS.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RedisProcessException("interrupted while waiting for redis-server pid " + redis.pid() + " to die");
            }
        }
    }

    /**
     * Graceful stop: SIGTERM (redis flushes the AOF and exits; with {@code save ""} it writes no RDB),
     * falling back to SIGKILL after the stop timeout. No-op if the process is not running.
     */
    public synchronized void stop() {
        redis.stop();
    }

    /**
     * Stops the server if it is running, then starts a new process on the same port with the same data
     * directory and config, so an AOF written before a {@link #kill()} is replayed.
     *
     * @throws IllegalStateException if the server was closed
     * @throws RedisProcessException if the new process does not answer PING in time
     */
    public synchronized void restart() {
        redis.restart();
    }

    /**
     * Stops the process (gracefully, then forcibly) and deletes the data directory if the fixture created
     * it. Idempotent.
     */
    @Override
    public synchronized void close() {
        redis.close();
    }

    @Override
    public String toString() {
        return "RedisServerProcess" + redis.toString().substring("EmbeddedRedis".length());
    }

    /**
     * Configures and starts a {@link RedisServerProcess}: the {@link EmbeddedRedis.Builder} options, with
     * test defaults. Defaults:
     * <ul>
     *   <li>port: 0, a free port chosen by the OS (re-chosen if another process takes it first);</li>
     *   <li>data directory: a fresh temp directory, deleted on {@code close()};</li>
     *   <li>append-only file: off; {@code appendfsync} {@link AppendFsync#EVERYSEC} once enabled;</li>
     *   <li>RDB snapshots: off ({@code save ""}); <b>password: none</b>; cluster mode: off;</li>
     *   <li>startup timeout {@link #DEFAULT_STARTUP_TIMEOUT}; stop timeout {@link #DEFAULT_STOP_TIMEOUT}.</li>
     * </ul>
     * Always: {@code bind 127.0.0.1}, {@code protected-mode yes}, {@code daemonize no}.
     *
     * <p>Not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private final EmbeddedRedis.Builder delegate = EmbeddedRedis.builder().noPassword();

        private Builder() {}

        /**
         * Also serve TLS on a second free port ({@link RedisServerProcess#tlsPort()}), with this PEM certificate
         * and private key; the certificate is also the CA file. Clients are not asked for certificates.
         */
        public Builder tls(Path certificate, Path privateKey) {
            delegate.tls(certificate, privateKey);
            return this;
        }

        /**
         * A fixed port, or 0 (the default) for a free one. Prefer 0: fixed ports collide between parallel
         * builds.
         */
        public Builder port(int port) {
            delegate.port(port);
            return this;
        }

        /**
         * A data directory owned by the caller: created if missing, never deleted by the fixture. Use it
         * to run a new server over data a previous one left behind.
         */
        public Builder dataDirectory(Path dataDirectory) {
            delegate.dataDirectory(dataDirectory);
            return this;
        }

        /** Enables the append-only file ({@code appendonly yes}). */
        public Builder appendOnly(boolean appendOnly) {
            delegate.appendOnly(appendOnly);
            return this;
        }

        /**
         * The {@code appendfsync} policy; requires {@link #appendOnly(boolean) appendOnly(true)}. Use
         * {@link AppendFsync#ALWAYS} in tests that kill the server and expect every acknowledged write back.
         */
        public Builder appendFsync(AppendFsync appendFsync) {
            delegate.appendFsync(appendFsync);
            return this;
        }

        /** Sets {@code requirepass}; clients then need {@link RedisServerProcess#password()}. */
        public Builder password(String password) {
            delegate.password(requireNonNull(password, "password"));
            return this;
        }

        /**
         * Enables cluster mode: {@code cluster-enabled yes}, {@code nodes.conf} in the data directory, and
         * a second free port for the cluster bus ({@code cluster-port}), kept across restarts.
         */
        public Builder cluster(boolean cluster) {
            delegate.cluster(cluster);
            return this;
        }

        /**
         * Adds one redis.conf line, written after the managed ones (so it wins for any directive it
         * repeats), e.g. {@code "maxmemory 64mb"}. Directives the builder manages (port, bind, dir, ...)
         * are rejected: use the builder method instead.
         */
        public Builder config(String line) {
            delegate.config(line);
            return this;
        }

        /** How long to wait for PING after each start; positive. */
        public Builder startupTimeout(Duration startupTimeout) {
            delegate.startupTimeout(startupTimeout);
            return this;
        }

        /** How long {@code stop()} waits after SIGTERM before SIGKILL; positive. */
        public Builder stopTimeout(Duration stopTimeout) {
            delegate.stopTimeout(stopTimeout);
            return this;
        }

        /**
         * Starts the server and waits until it answers PING.
         *
         * @throws IllegalArgumentException if {@code appendFsync} was set without {@code appendOnly(true)}
         * @throws RedisProcessException if the server does not come up; the message has its log tail
         */
        public RedisServerProcess start() {
            return new RedisServerProcess(delegate.start());
        }
    }
}
