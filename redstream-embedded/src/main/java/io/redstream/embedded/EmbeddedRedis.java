package io.redstream.embedded;

import static java.util.Objects.requireNonNull;

import io.redstream.embedded.internal.Credentials;
import io.redstream.embedded.internal.Directories;
import io.redstream.embedded.internal.FreePorts;
import io.redstream.embedded.internal.Launcher;
import io.redstream.embedded.internal.OrphanReaper;
import io.redstream.embedded.internal.PidFile;
import io.redstream.embedded.internal.ProcessRegistry;
import io.redstream.embedded.internal.RedisConfig;
import io.redstream.embedded.internal.RedisProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real {@code redis-server} child process on 127.0.0.1, started from {@link RedisBinary}, protected by
 * a random password and stopped when its owner closes it or the JVM dies by any means.
 *
 * <pre>{@code
 * try (EmbeddedRedis redis = EmbeddedRedis.start()) {        // free port, temp dir, random password
 *   RedStream rs = RedStream.builder().redisUri(redis.uri()).build();   // uri() carries the password
 *   log.info("embedded Redis at {}", redis);                // toString() masks it
 * }
 * }</pre>
 *
 * <p><b>Password.</b> By default the server gets a random {@code requirepass} of 256 bits from
 * {@link java.security.SecureRandom} that only this process knows: it is in {@link #uri()} (for the
 * client), in {@link #password()}, and in the owner-only {@code redis.conf} of the owner-only data
 * directory, never on a command line, in {@link #toString()}, in an exception message or in a log line
 * ({@link #redactedUri()} is the form to show). Without it, any local user could connect to the port and
 * bypass every role the server enforces. {@link Builder#password(String)} sets a known password,
 * {@link Builder#noPassword()} turns it off (for tests).
 *
 * <p><b>Watchdog.</b> redis-server runs under a tiny {@code /bin/sh} watchdog whose stdin is a pipe
 * only this JVM holds. When the JVM dies — {@code close()} never called, {@code kill -9} included — the
 * kernel closes the pipe, the watchdog reads end-of-file and stops redis (SIGTERM, SIGKILL after the
 * stop timeout). A JVM shutdown hook stops servers still running at a normal exit, and pid files let a
 * later JVM reap a server whose watchdog died with its JVM (see {@link #reapOrphans()}). POSIX only
 * (Linux, macOS).
 *
 * <p><b>Lifecycle.</b> {@link Builder#start()} returns a running server that authenticated and answered
 * PING as the process it started. {@link #stop()} ends the process but keeps the server (port, data
 * directory, password) so {@link #restart()} can bring it back; a process that died on its own can be
 * restarted the same way. {@link #close()} ends the process for good and deletes the data directory if
 * it was created for this server; it is idempotent.
 *
 * <p><b>Thread-safety.</b> Thread-safe: lifecycle methods are synchronized, so a {@code restart()}
 * racing a {@code close()} either completes before the close or fails with {@link IllegalStateException}.
 */
public final class EmbeddedRedis implements AutoCloseable {

    /** The only address servers bind to and clients should use. */
    public static final String HOST = FreePorts.LOOPBACK;

    /** How long {@code start()} and {@code restart()} wait for the server to be ready. */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(10);

    /** How long {@code stop()} waits after SIGTERM before falling back to SIGKILL. */
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(5);

    /** Log file (stdout and stderr of every start, appended) inside the data directory. */
    public static final String LOG_FILE_NAME = Launcher.LOG_FILE_NAME;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

    private final Launcher.Spec spec;

    // All guarded by this.
    private Launcher.Ports ports;
    private RedisProcess process;
    private boolean closed;

    private EmbeddedRedis(Launcher.Spec spec, Launcher.Ports ports) {
        this.spec = spec;
        this.ports = ports;
    }

    /** Starts a server with all defaults: free port, fresh temp data directory, random password, no persistence. */
    public static EmbeddedRedis start() {
        return builder().start();
    }

    /** A builder with the defaults listed on {@link Builder}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Kills redis-server processes recorded by JVMs of this user that are no longer alive, and deletes
     * the temp data directories those JVMs created. Runs automatically the first time a JVM starts a
     * server; safe to call any time, from several JVMs at once. A recorded pid that now belongs to a
     * different process (pid reuse) is left alone.
     *
     * @return how many orphaned processes were killed
     */
    public static int reapOrphans() {
        return OrphanReaper.reap(PidFile.defaultDirectory());
    }

    /** Always {@value #HOST}. */
    public String host() {
        return HOST;
    }

    /** The port; fixed for the server's lifetime, {@link #restart()} reuses it. */
    public synchronized int port() {
        return ports.port();
    }

    /** {@code 127.0.0.1:port}, the form cluster clients take. */
    public String address() {
        return HOST + ":" + port();
    }

    /**
     * {@code redis://:<password>@127.0.0.1:<port>} (the password percent-encoded), or
     * {@code redis://127.0.0.1:<port>} without a password: what a client connects with. It carries the
     * secret: log {@link #redactedUri()} or {@link #toString()} instead.
     */
    public String uri() {
        return Credentials.uri("redis", HOST, port(), spec.password());
    }

    /** {@link #uri()} with the password shown as {@code ***}: {@code redis://:***@127.0.0.1:<port>}. */
    public String redactedUri() {
        return Credentials.maskedUri("redis", HOST, port(), spec.password());
    }

    /** The {@code requirepass} password; empty for a server built with {@link Builder#noPassword()}. */
    public Optional<String> password() {
        return Optional.ofNullable(spec.password());
    }

    /** The TLS port, or 0 when the server was built without {@link Builder#tls(Path, Path)}. */
    public synchronized int tlsPort() {
        return ports.tlsPort();
    }

    /**
     * {@code rediss://[:<password>@]127.0.0.1:<tlsPort>}; only for a server built with
     * {@link Builder#tls(Path, Path)}. Carries the password like {@link #uri()}.
     *
     * @throws IllegalStateException if the server has no TLS port
     */
    public synchronized String tlsUri() {
        if (ports.tlsPort() == 0) {
            throw new IllegalStateException("this server has no TLS port: build it with tls(certificate, key)");
        }
        return Credentials.uri("rediss", HOST, ports.tlsPort(), spec.password());
    }

    /** The cluster bus port ({@code cluster-port}); 0 unless cluster mode. Fixed like {@link #port()}. */
    public synchronized int clusterBusPort() {
        return ports.clusterBusPort();
    }

    /** Pid of the current redis-server process, or of the last one if it has been stopped or has died. */
    public synchronized long pid() {
        return process.pid();
    }

    /** Whether the current process is running. */
    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Whether {@link #close()} was called; a closed server cannot be restarted. */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** The data directory (AOF, cluster state, generated redis.conf, redis.log). */
    public Path dataDirectory() {
        return spec.dataDirectory();
    }

    /** The server's log: every start appends to it. */
    public Path logFile() {
        return spec.logFile();
    }

    /**
     * Graceful stop: SIGTERM (redis flushes the AOF and exits; with {@code save ""} it writes no RDB),
     * falling back to SIGKILL after the stop timeout. The port, data directory and password stay, for
     * {@link #restart()}. No-op if the process is not running.
     *
     * @throws RedisProcessException if the process is still there 5 s after SIGKILL
     */
    public synchronized void stop() {
        if (process != null) {
            process.stop(spec.stopTimeout());
        }
    }

    /**
     * Stops the server if it is running, then starts a new process on the same port with the same data
     * directory, config and password, so an AOF written before the process ended is replayed. Retries the
     * bind a few times because the old socket can take a moment to be released.
     *
     * @throws IllegalStateException if the server was closed
     * @throws RedisProcessException if the new process is not ready in time
     */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("cannot restart " + this + ": it was closed");
        }
        stop();
        launch(false);
    }

    /**
     * Stops the process (gracefully, then forcibly) and deletes the data directory if it was created for
     * this server. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stop();
        } finally {
            if (spec.ownsDataDirectory()) {
                Directories.deleteRecursively(spec.dataDirectory());
                ProcessRegistry.untrackTempDirectory(spec.dataDirectory());
            }
            log.debug("embedded Redis at {} closed", redactedUri());
        }
    }

    /** {@code EmbeddedRedis[redis://:***@127.0.0.1:<port>, pid <pid>, running]}: never the password. */
    @Override
    public synchronized String toString() {
        String state = closed ? "closed" : isAlive() ? "running" : "not running";
        return "EmbeddedRedis[" + redactedUri() + (process == null ? "" : ", pid " + process.pid()) + ", " + state
                + (spec.cluster() ? ", cluster" : "") + (spec.appendOnly() ? ", aof " + spec.appendFsync().configValue() : "")
                + "]";
    }

    /** Starts a process; {@code pickPorts} asks the OS for new free ports on every attempt. */
    private void launch(boolean pickPorts) {
        Launcher.Launched launched = Launcher.launch(spec, ports, pickPorts);
        process = launched.process();
        ports = launched.ports();
        log.debug("embedded Redis started at {} (redis-server pid {})", redactedUri(), process.pid());
    }

    /**
     * Configures and starts an {@link EmbeddedRedis}. Defaults:
     * <ul>
     *   <li>port: 0, a free port chosen by the OS (re-chosen if another process takes it first);</li>
     *   <li>password: a random one, 256 bits from {@link java.security.SecureRandom} (see
     *       {@link #password(String)}, {@link #noPassword()});</li>
     *   <li>data directory: a fresh owner-only temp directory, deleted on {@code close()};</li>
     *   <li>append-only file: off; {@code appendfsync} {@link AppendFsync#EVERYSEC} once enabled;</li>
     *   <li>RDB snapshots: off ({@code save ""}); cluster mode: off; TLS: off;</li>
     *   <li>startup timeout {@link #DEFAULT_STARTUP_TIMEOUT}; stop timeout {@link #DEFAULT_STOP_TIMEOUT}
     *       (also the watchdog's grace period between SIGTERM and SIGKILL, in whole seconds).</li>
     * </ul>
     * Always: {@code bind 127.0.0.1}, {@code protected-mode yes}, {@code daemonize no}, {@code loglevel notice}.
     *
     * <p>Not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private enum PasswordMode { RANDOM, GIVEN, NONE }

        private int port;
        private Path dataDirectory;
        private boolean appendOnly;
        private AppendFsync appendFsync = AppendFsync.EVERYSEC;
        private boolean appendFsyncSet;
        private PasswordMode passwordMode = PasswordMode.RANDOM;
        private String password;
        private boolean cluster;
        private final List<String> config = new ArrayList<>();
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
        private Duration stopTimeout = DEFAULT_STOP_TIMEOUT;
        private IntSupplier freePorts = FreePorts::find;
        private Path tlsCertificate;
        private Path tlsKey;

        private Builder() {}

        /**
         * A fixed port, or 0 (the default) for a free one. Prefer 0: fixed ports collide between parallel
         * runs.
         */
        public Builder port(int port) {
            if (port != 0 && (port < 1 || port > 65535)) {
                throw new IllegalArgumentException(
                        "port must be 0 (any free port) or between 1 and 65535, but was " + port);
            }
            this.port = port;
            return this;
        }

        /** A known {@code requirepass} instead of the random default; clients then need {@link EmbeddedRedis#password()}. */
        public Builder password(String password) {
            requireNonNull(password, "password");
            if (password.isEmpty()) {
                throw new IllegalArgumentException("password must not be empty, but was \"\"");
            }
            this.password = password;
            this.passwordMode = PasswordMode.GIVEN;
            return this;
        }

        /**
         * No {@code requirepass}: every local user can then connect. For tests and throwaway local runs
         * only; a server that enforces roles must keep the password.
         */
        public Builder noPassword() {
            this.password = null;
            this.passwordMode = PasswordMode.NONE;
            return this;
        }

        /**
         * A data directory owned by the caller: created if missing, never deleted by the server. Use it to
         * run a new server over data a previous one left behind.
         */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory").toAbsolutePath();
            return this;
        }

        /** Enables the append-only file ({@code appendonly yes}). */
        public Builder appendOnly(boolean appendOnly) {
            this.appendOnly = appendOnly;
            return this;
        }

        /**
         * The {@code appendfsync} policy; requires {@link #appendOnly(boolean) appendOnly(true)}.
         * {@link AppendFsync#ALWAYS} makes every acknowledged write survive a {@code kill -9}.
         */
        public Builder appendFsync(AppendFsync appendFsync) {
            this.appendFsync = requireNonNull(appendFsync, "appendFsync");
            this.appendFsyncSet = true;
            return this;
        }

        /**
         * Enables cluster mode: {@code cluster-enabled yes}, {@code nodes.conf} in the data directory, and
         * a second free port for the cluster bus ({@code cluster-port}), kept across restarts. Forming a
         * cluster out of such servers is the caller's job.
         */
        public Builder cluster(boolean cluster) {
            this.cluster = cluster;
            return this;
        }

        /**
         * Also serve TLS on a second free port ({@link EmbeddedRedis#tlsPort()}), with this PEM certificate
         * and private key; the certificate is also the CA file. Clients are not asked for certificates.
         * Readiness is still probed on the plain port, which stays open.
         */
        public Builder tls(Path certificate, Path privateKey) {
            this.tlsCertificate = requireNonNull(certificate, "certificate").toAbsolutePath();
            this.tlsKey = requireNonNull(privateKey, "privateKey").toAbsolutePath();
            return this;
        }

        /**
         * Adds one redis.conf line, written after the managed ones (so it wins for any directive it
         * repeats), e.g. {@code "maxmemory 64mb"}. Directives the builder manages (port, bind, dir,
         * requirepass, loglevel, ...) are rejected: use the builder method instead.
         */
        public Builder config(String line) {
            config.add(RedisConfig.checkExtraLine(line));
            return this;
        }

        /** How long to wait for readiness after each start; positive. */
        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = checkPositive("startupTimeout", startupTimeout);
            return this;
        }

        /** How long {@code stop()} waits after SIGTERM before SIGKILL; positive. */
        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = checkPositive("stopTimeout", stopTimeout);
            return this;
        }

        /** Source of free ports; tests replace it to provoke the bind race deterministically. */
        Builder freePorts(IntSupplier freePorts) {
            this.freePorts = requireNonNull(freePorts, "freePorts");
            return this;
        }

        /**
         * Starts the server and waits until it is ready.
         *
         * @throws IllegalArgumentException if {@code appendFsync} was set without {@code appendOnly(true)}
         * @throws IllegalStateException if no redis-server binary is available for this platform
         * @throws RedisProcessException if the server does not come up; the message has its log tail
         */
        public EmbeddedRedis start() {
            if (appendFsyncSet && !appendOnly) {
                throw new IllegalArgumentException(
                        "appendFsync requires appendOnly(true), but appendOnly was false (appendFsync " + appendFsync + ")");
            }
            ProcessRegistry.initialize();
            Path binary = RedisBinary.path();
            Path dir;
            boolean owns;
            try {
                if (dataDirectory == null) {
                    dir = ProcessRegistry.createTempDirectory();
                    owns = true;
                } else {
                    dir = Files.createDirectories(dataDirectory);
                    owns = false;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not create the redis data directory", e);
            }
            String secret = passwordMode == PasswordMode.RANDOM ? Credentials.randomPassword() : password;
            Launcher.Spec spec = new Launcher.Spec(binary, dir, owns, appendOnly, appendFsync, secret, cluster, config,
                    tlsCertificate, tlsKey, startupTimeout, stopTimeout, freePorts);
            EmbeddedRedis server = new EmbeddedRedis(spec, Launcher.Ports.initial(spec, port));
            synchronized (server) {
                try {
                    server.launch(port == 0);
                } catch (RuntimeException | Error e) {
                    server.close();
                    throw e;
                }
            }
            return server;
        }

        private static Duration checkPositive(String name, Duration value) {
            requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, but was " + value);
            }
            return value;
        }
    }
}
