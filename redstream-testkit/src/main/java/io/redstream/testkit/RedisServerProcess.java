package io.redstream.testkit;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;
import redis.clients.jedis.Jedis;

/**
 * One real {@code redis-server} child process on 127.0.0.1, started from {@link RedisBinary}.
 *
 * <pre>{@code
 * try (RedisServerProcess redis = RedisServerProcess.start()) {
 *   RedStream rs = RedStream.builder().redisUri(redis.uri()).build();
 *   ...
 * }
 * }</pre>
 *
 * <p>We spawn the binary ourselves (not embedded-redis's {@code RedisServer}) so that we own the pid,
 * the config and the data directory, and can {@link #kill()} it with SIGKILL and {@link #restart()} it on
 * the same port with the same data, which is what fault tests need.
 *
 * <p><b>Lifecycle.</b> {@link Builder#start()} returns a running server that answered PING.
 * {@link #kill()} and {@link #stop()} end the process but keep the fixture (port, data directory) so
 * {@link #restart()} can bring it back; {@link #close()} ends the process for good and deletes the data
 * directory if the fixture created it. {@code close()} is idempotent. A JVM shutdown hook and pid files
 * (see {@link #reapOrphans()}) make sure no process outlives the test run.
 *
 * <p><b>Thread-safety.</b> Thread-safe: lifecycle methods are synchronized, so a {@code restart()} racing
 * a {@code close()} either completes before the close or fails with {@link IllegalStateException}.
 */
public final class RedisServerProcess implements AutoCloseable {

    /** The only address servers bind to and clients should use. */
    public static final String HOST = FreePorts.LOOPBACK;

    /** How long {@code start()} and {@code restart()} wait for the server to answer PING. */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(10);

    /** How long {@code stop()} waits after SIGTERM before falling back to SIGKILL. */
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(5);

    /** Log file (stdout and stderr of every start, appended) inside the data directory. */
    public static final String LOG_FILE_NAME = "redis.log";

    /** Name prefix of the temp data directories the fixture creates (and may delete, see reapOrphans). */
    static final String TEMP_DIRECTORY_PREFIX = "redstream-redis-";

    /** Starts per {@code start()}/{@code restart()} when the port turns out to be taken. */
    static final int START_ATTEMPTS = 5;

    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(5);
    private static final long PROBE_INTERVAL_MILLIS = 20;
    private static final Pattern PORT_IN_USE = Pattern.compile("Address (already )?in use");

    private enum Outcome { READY, EXITED, TIMED_OUT }

    private final Path binary;
    private final Path dataDirectory;
    private final boolean ownsDataDirectory;
    private final boolean appendOnly;
    private final AppendFsync appendFsync;
    private final String password;
    private final boolean cluster;
    private final List<String> extraConfig;
    private final Duration startupTimeout;
    private final Duration stopTimeout;
    private final IntSupplier freePorts;

    // All guarded by this.
    private int port;
    private int clusterBusPort; // 0 unless cluster mode
    private int tlsPort; // 0 unless TLS is on
    private final Path tlsCertificate;
    private final Path tlsKey;
    private Process process;
    private ProcessRegistry.Tracked tracked;
    private boolean closed;

    private RedisServerProcess(Builder b, Path binary, Path dataDirectory, boolean ownsDataDirectory) {
        this.binary = binary;
        this.dataDirectory = dataDirectory;
        this.ownsDataDirectory = ownsDataDirectory;
        this.appendOnly = b.appendOnly;
        this.appendFsync = b.appendFsync;
        this.password = b.password;
        this.cluster = b.cluster;
        this.extraConfig = List.copyOf(b.config);
        this.startupTimeout = b.startupTimeout;
        this.stopTimeout = b.stopTimeout;
        this.freePorts = b.freePorts;
        this.port = b.port;
        this.tlsCertificate = b.tlsCertificate;
        this.tlsKey = b.tlsKey;
        if (tlsCertificate != null && b.port != 0) {
            this.tlsPort = freePorts.getAsInt();
        }
        if (cluster && b.port != 0) {
            // A fixed client port still gets a free bus port, chosen once so restarts keep it.
            this.clusterBusPort = freePorts.getAsInt();
        }
    }

    /** Starts a server with all defaults: free port, fresh temp data directory, no persistence. */
    public static RedisServerProcess start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Kills redis-server processes recorded by JVMs that are no longer alive (a test JVM killed with
     * {@code kill -9} skips its shutdown hook, and its children survive). Runs automatically the first
     * time this JVM starts a server; safe to call any time, from several JVMs at once. A recorded pid
     * that now belongs to a different process (pid reuse) is left alone. Temp data directories the dead
     * JVM created for its servers are deleted too.
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

    /** The port; fixed for the fixture's lifetime, {@link #restart()} reuses it. */
    public synchronized int port() {
        return port;
    }

    /** {@code 127.0.0.1:port}, the form cluster clients and {@code clusterNodes(...)} take. */
    public String address() {
        return HOST + ":" + port();
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
        return Optional.ofNullable(password);
    }

    /** The data directory (AOF, cluster state, generated redis.conf, redis.log). */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The server's log: every start appends to it. */
    public Path logFile() {
        return dataDirectory.resolve(LOG_FILE_NAME);
    }

    /** The cluster bus port ({@code cluster-port}); 0 unless cluster mode. Fixed like {@link #port()}. */
    /** The TLS port, or 0 when the server was built without {@link Builder#tls(Path, Path)}. */
    public synchronized int tlsPort() {
        return tlsPort;
    }

    /** {@code rediss://127.0.0.1:<tlsPort>}; only for a server built with {@link Builder#tls(Path, Path)}. */
    public synchronized String tlsUri() {
        if (tlsPort == 0) {
            throw new IllegalStateException("this server has no TLS port: build it with tls(certificate, key)");
        }
        return "rediss://" + HOST + ":" + tlsPort;
    }

    synchronized int clusterBusPort() {
        return clusterBusPort;
    }

    /** Pid of the current process, or of the last one if it has been killed or stopped. */
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

    /**
     * Opens a new plain Jedis connection to this server (authenticated if a password is set, 5 s
     * timeouts). The caller closes it.
     */
    public Jedis connect() {
        return AdminConnections.open(HOST, port(), password, AdminConnections.ADMIN_TIMEOUT_MILLIS);
    }

    /** Deletes every key in every database: the way tests sharing one server clean up. */
    public void flushAll() {
        try (Jedis jedis = connect()) {
            jedis.flushAll();
        }
    }

    /**
     * SIGKILL, then waits for the process to be gone. The data directory stays, so {@link #restart()}
     * recovers whatever the AOF holds. No-op if the process is not running.
     *
     * @throws RedisProcessException if the process is still there 5 s after SIGKILL
     */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        awaitExit(process, KILL_TIMEOUT, "SIGKILL");
        untrack();
    }

    /**
     * Graceful stop: SIGTERM (redis flushes the AOF and exits; with {@code save ""} it writes no RDB),
     * falling back to SIGKILL after the stop timeout. No-op if the process is not running.
     */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        if (process.isAlive()) {
            process.destroy();
            if (!waitFor(process, stopTimeout)) {
                process.destroyForcibly();
                awaitExit(process, KILL_TIMEOUT, "SIGTERM and SIGKILL");
            }
        }
        untrack();
    }

    /**
     * Stops the server if it is running, then starts a new process on the same port with the same data
     * directory and config, so an AOF written before a {@link #kill()} is replayed. Retries the bind a
     * few times because the old socket can take a moment to be released.
     *
     * @throws IllegalStateException if the server was closed
     * @throws RedisProcessException if the new process does not answer PING in time
     */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("cannot restart " + this + ": it was closed");
        }
        stop();
        launch(false);
    }

    /**
     * Stops the process (gracefully, then forcibly) and deletes the data directory if the fixture created
     * it. Idempotent.
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
            if (ownsDataDirectory) {
                Directories.deleteRecursively(dataDirectory);
                ProcessRegistry.untrackTempDirectory(dataDirectory);
            }
        }
    }

    @Override
    public synchronized String toString() {
        String state = closed ? "closed" : isAlive() ? "running" : "not running";
        return "RedisServerProcess[" + HOST + ":" + port + (process == null ? "" : ", pid " + process.pid())
                + ", " + state + (cluster ? ", cluster" : "") + (appendOnly ? ", aof " + appendFsync.configValue() : "")
                + "]";
    }

    // ---- starting -------------------------------------------------------------------------------

    /** Starts a process; {@code pickPort} asks the OS for a new free port on every attempt. */
    private void launch(boolean pickPort) {
        Path configFile = dataDirectory.resolve(RedisConfig.FILE_NAME);
        Path log = logFile();
        for (int attempt = 1; ; attempt++) {
            if (pickPort) {
                port = freePorts.getAsInt();
                clusterBusPort = cluster ? freePorts.getAsInt() : 0;
                tlsPort = tlsCertificate != null ? freePorts.getAsInt() : 0;
            }
            RedisConfig config = new RedisConfig(port, dataDirectory, appendOnly, appendFsync, password,
                    clusterBusPort, extraConfig, tlsPort, tlsCertificate, tlsKey);
            writeConfig(configFile, config);
            long logOffset = LogTail.size(log);
            Process started = spawn(configFile, log);
            ProcessRegistry.Tracked startedTracked = null;
            Outcome outcome;
            try {
                startedTracked = ProcessRegistry.track(started,
                        ownsDataDirectory ? Optional.of(dataDirectory) : Optional.empty());
                outcome = awaitReady(started);
            } catch (RuntimeException | Error e) {
                discard(started, startedTracked);
                throw e;
            }
            if (outcome == Outcome.READY) {
                process = started;
                tracked = startedTracked;
                return;
            }
            discard(started, startedTracked);
            String tail = LogTail.read(log, logOffset, LogTail.DEFAULT_LINES);
            // Another process took the port between our probe and redis' bind (or the old socket lingers).
            // The bundled static binary (musl) says "Address in use", glibc builds "Address already in use".
            boolean portTaken = outcome == Outcome.EXITED && PORT_IN_USE.matcher(tail).find();
            if (portTaken && attempt < START_ATTEMPTS) {
                if (!pickPort) {
                    sleep(100L * attempt);
                }
                continue;
            }
            String what = outcome == Outcome.EXITED
                    ? "exited with code " + started.exitValue() + " while starting"
                    : "did not answer PING within " + startupTimeout.toMillis() + " ms";
            throw new RedisProcessException("redis-server (pid " + started.pid() + ") on " + HOST + ":" + port
                    + " " + what + " (attempt " + attempt + " of " + START_ATTEMPTS + "); binary " + binary
                    + "; last lines of " + log + ":\n" + tail);
        }
    }

    private static void writeConfig(Path file, RedisConfig config) {
        try {
            Files.writeString(file, config.render(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    private Process spawn(Path configFile, Path log) {
        ProcessBuilder builder = new ProcessBuilder(binary.toString(), configFile.toString())
                .directory(dataDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new RedisProcessException("could not execute " + binary + " " + configFile, e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private Outcome awaitReady(Process started) {
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        while (true) {
            // Wait first: a redis that cannot bind exits within milliseconds, and probing before that
            // could hit whoever holds the port and cost a whole probe timeout.
            if (exitsWithin(started, PROBE_INTERVAL_MILLIS)) {
                return Outcome.EXITED;
            }
            if (AdminConnections.isReady(HOST, port, password, started.pid())) {
                return Outcome.READY;
            }
            if (System.nanoTime() - deadline > 0) {
                return started.isAlive() ? Outcome.TIMED_OUT : Outcome.EXITED;
            }
        }
    }

    // ---- stopping -------------------------------------------------------------------------------

    private static void discard(Process p, ProcessRegistry.Tracked t) {
        p.destroyForcibly();
        try {
            awaitExit(p, KILL_TIMEOUT, "SIGKILL");
        } finally {
            ProcessRegistry.untrack(t);
        }
    }

    private void untrack() {
        ProcessRegistry.untrack(tracked);
        tracked = null;
    }

    private static boolean waitFor(Process p, Duration timeout) {
        try {
            return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }

    private static void awaitExit(Process p, Duration timeout, String after) {
        if (!waitFor(p, timeout) && p.isAlive()) {
            throw new RedisProcessException(
                    "redis-server pid " + p.pid() + " still running " + timeout.toMillis() + " ms after " + after);
        }
    }

    private static boolean exitsWithin(Process p, long millis) {
        try {
            return p.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisProcessException("interrupted while waiting for redis-server pid " + p.pid() + " to start");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisProcessException("interrupted while waiting for redis-server");
        }
    }

    // ---- builder --------------------------------------------------------------------------------

    /**
     * Configures and starts a {@link RedisServerProcess}. Defaults:
     * <ul>
     *   <li>port: 0, a free port chosen by the OS (re-chosen if another process takes it first);</li>
     *   <li>data directory: a fresh temp directory, deleted on {@code close()};</li>
     *   <li>append-only file: off; {@code appendfsync} {@link AppendFsync#EVERYSEC} once enabled;</li>
     *   <li>RDB snapshots: off ({@code save ""}); password: none; cluster mode: off;</li>
     *   <li>startup timeout {@link #DEFAULT_STARTUP_TIMEOUT}; stop timeout {@link #DEFAULT_STOP_TIMEOUT}.</li>
     * </ul>
     * Always: {@code bind 127.0.0.1}, {@code protected-mode yes}, {@code daemonize no}.
     *
     * <p>Not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private int port;
        private Path dataDirectory;
        private boolean appendOnly;
        private AppendFsync appendFsync = AppendFsync.EVERYSEC;
        private boolean appendFsyncSet;
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
         * Also serve TLS on a second free port ({@link RedisServerProcess#tlsPort()}), with this PEM certificate
         * and private key; the certificate is also the CA file. Clients are not asked for certificates.
         */
        public Builder tls(Path certificate, Path privateKey) {
            this.tlsCertificate = requireNonNull(certificate, "certificate").toAbsolutePath();
            this.tlsKey = requireNonNull(privateKey, "privateKey").toAbsolutePath();
            return this;
        }

        /**
         * A fixed port, or 0 (the default) for a free one. Prefer 0: fixed ports collide between parallel
         * builds.
         */
        public Builder port(int port) {
            if (port != 0) {
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException(
                            "port must be 0 (any free port) or between 1 and 65535, but was " + port);
                }
            }
            this.port = port;
            return this;
        }

        /**
         * A data directory owned by the caller: created if missing, never deleted by the fixture. Use it
         * to run a new server over data a previous one left behind.
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
         * The {@code appendfsync} policy; requires {@link #appendOnly(boolean) appendOnly(true)}. Use
         * {@link AppendFsync#ALWAYS} in tests that kill the server and expect every acknowledged write back.
         */
        public Builder appendFsync(AppendFsync appendFsync) {
            this.appendFsync = requireNonNull(appendFsync, "appendFsync");
            this.appendFsyncSet = true;
            return this;
        }

        /** Sets {@code requirepass}; clients then need {@link RedisServerProcess#password()}. */
        public Builder password(String password) {
            requireNonNull(password, "password");
            if (password.isEmpty()) {
                throw new IllegalArgumentException("password must not be empty, but was \"\"");
            }
            this.password = password;
            return this;
        }

        /**
         * Enables cluster mode: {@code cluster-enabled yes}, {@code nodes.conf} in the data directory, and
         * a second free port for the cluster bus ({@code cluster-port}), kept across restarts.
         */
        public Builder cluster(boolean cluster) {
            this.cluster = cluster;
            return this;
        }

        /**
         * Adds one redis.conf line, written after the managed ones (so it wins for any directive it
         * repeats), e.g. {@code "maxmemory 64mb"}. Directives the builder manages (port, bind, dir, ...)
         * are rejected: use the builder method instead.
         */
        public Builder config(String line) {
            config.add(RedisConfig.checkExtraLine(line));
            return this;
        }

        /** How long to wait for PING after each start; positive. */
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
         * Starts the server and waits until it answers PING.
         *
         * @throws IllegalArgumentException if {@code appendFsync} was set without {@code appendOnly(true)}
         * @throws RedisProcessException if the server does not come up; the message has its log tail
         */
        public RedisServerProcess start() {
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
                    dir = ProcessRegistry.createTempDirectory(TEMP_DIRECTORY_PREFIX);
                    owns = true;
                } else {
                    dir = Files.createDirectories(dataDirectory);
                    owns = false;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not create the redis data directory", e);
            }
            RedisServerProcess server = new RedisServerProcess(this, binary, dir, owns);
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
