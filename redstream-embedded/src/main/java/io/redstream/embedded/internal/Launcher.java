package io.redstream.embedded.internal;

import static java.util.Objects.requireNonNull;

import io.redstream.embedded.AppendFsync;
import io.redstream.embedded.RedisProcessException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/**
 * Starts one redis-server for a {@link Spec} and waits until it is ready: writes the config, starts the
 * process under its watchdog, and retries with new ports when another process took a port between
 * "find a free port" and redis' bind.
 *
 * <p><b>Ready</b> means: our process wrote {@value #READY_MARKER} to its log (so it bound the port
 * itself: only then is the password sent to that port), then answered AUTH, PING and INFO with our
 * pid (see {@link ReadinessProbe}). Stateless and thread-safe; the caller serializes starts of one server.
 */
public final class Launcher {

    /** Starts per launch when the port turns out to be taken. */
    public static final int START_ATTEMPTS = 5;

    /** What redis-server 6.x and 7.x log once their listeners are bound and the data is loaded. */
    public static final String READY_MARKER = "Ready to accept connections";

    /** Log file (stdout and stderr of every start, appended) inside the data directory. */
    public static final String LOG_FILE_NAME = "redis.log";

    private static final long PROBE_INTERVAL_MILLIS = 20;
    private static final Pattern PORT_IN_USE = Pattern.compile("Address (already )?in use");

    private enum Outcome { READY, EXITED, TIMED_OUT }

    /**
     * Everything a start needs except the ports. Immutable.
     *
     * @param password the {@code requirepass}, or null for none
     * @param tlsCertificate null for no TLS (then {@code tlsKey} is null too)
     */
    public record Spec(Path binary, Path dataDirectory, boolean ownsDataDirectory, boolean appendOnly,
            AppendFsync appendFsync, String password, boolean cluster, List<String> extraConfig,
            Path tlsCertificate, Path tlsKey, Duration startupTimeout, Duration stopTimeout, IntSupplier freePorts) {

        /** Checks the required fields and copies the list. */
        public Spec {
            requireNonNull(binary, "binary");
            requireNonNull(dataDirectory, "dataDirectory");
            requireNonNull(appendFsync, "appendFsync");
            extraConfig = List.copyOf(extraConfig);
            requireNonNull(startupTimeout, "startupTimeout");
            requireNonNull(stopTimeout, "stopTimeout");
            requireNonNull(freePorts, "freePorts");
        }

        /** The log every start appends to. */
        public Path logFile() {
            return dataDirectory.resolve(LOG_FILE_NAME);
        }

        @Override
        public String toString() {
            // Never the password: specs end up in exception messages and debuggers' logs.
            return "Spec[binary=" + binary + ", dataDirectory=" + dataDirectory + ", password="
                    + (password == null ? "none" : "***") + ", cluster=" + cluster + ", appendOnly=" + appendOnly + "]";
        }
    }

    /**
     * The ports of one server; 0 for a port it does not use.
     *
     * @param clusterBusPort the {@code cluster-port}, 0 unless cluster mode
     * @param tlsPort the {@code tls-port}, 0 unless TLS
     */
    public record Ports(int port, int clusterBusPort, int tlsPort) {

        /** Fresh free ports for everything {@code spec} needs. */
        static Ports free(Spec spec) {
            IntSupplier free = spec.freePorts();
            return new Ports(free.getAsInt(), spec.cluster() ? free.getAsInt() : 0,
                    spec.tlsCertificate() != null ? free.getAsInt() : 0);
        }

        /**
         * For a fixed client port: the bus and TLS ports are chosen once here and kept across restarts,
         * like the client port. For port 0 all ports are chosen at launch.
         */
        public static Ports initial(Spec spec, int port) {
            if (port == 0) {
                return new Ports(0, 0, 0);
            }
            IntSupplier free = spec.freePorts();
            return new Ports(port, spec.cluster() ? free.getAsInt() : 0, spec.tlsCertificate() != null ? free.getAsInt() : 0);
        }
    }

    /** A ready server and the ports it got. */
    public record Launched(RedisProcess process, Ports ports) {}

    private Launcher() {}

    /**
     * Starts a server and waits until it is ready.
     *
     * @param pickPorts ask the OS for new free ports on every attempt (otherwise {@code ports} are kept,
     *     and a taken port is retried after a pause: an old socket of ours may linger for a moment)
     * @throws RedisProcessException if no attempt becomes ready; the message ends with the log's tail
     */
    public static Launched launch(Spec spec, Ports ports, boolean pickPorts) {
        Path configFile = spec.dataDirectory().resolve(RedisConfig.FILE_NAME);
        Path log = spec.logFile();
        Optional<Path> tempDirectory = spec.ownsDataDirectory() ? Optional.of(spec.dataDirectory()) : Optional.empty();
        for (int attempt = 1; ; attempt++) {
            Ports current = pickPorts ? Ports.free(spec) : ports;
            RedisConfig config = new RedisConfig(current.port(), spec.dataDirectory(), spec.appendOnly(), spec.appendFsync(),
                    spec.password(), current.clusterBusPort(), spec.extraConfig(), current.tlsPort(), spec.tlsCertificate(),
                    spec.tlsKey());
            Directories.writePrivately(configFile, config.render());
            long logOffset = LogTail.size(log);
            RedisProcess started = RedisProcess.start(spec.binary(), configFile, log, spec.dataDirectory(),
                    spec.stopTimeout(), tempDirectory);
            Outcome outcome;
            try {
                outcome = awaitReady(started, spec, current.port(), log, logOffset);
            } catch (RuntimeException | Error e) {
                try {
                    started.kill();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
            if (outcome == Outcome.READY) {
                return new Launched(started, current);
            }
            started.kill();
            String tail = LogTail.read(log, logOffset, LogTail.DEFAULT_LINES);
            // Another process took the port between our probe and redis' bind (or an old socket lingers).
            // The bundled static binary (musl) says "Address in use", glibc builds "Address already in use".
            boolean portTaken = outcome == Outcome.EXITED && PORT_IN_USE.matcher(tail).find();
            if (portTaken && attempt < START_ATTEMPTS) {
                if (!pickPorts) {
                    sleep(100L * attempt);
                }
                continue;
            }
            String what = outcome == Outcome.EXITED
                    ? "exited with code " + started.exitValue() + " while starting"
                    : "was not ready within " + spec.startupTimeout().toMillis() + " ms";
            throw new RedisProcessException("redis-server (pid " + started.pid() + ") on " + FreePorts.LOOPBACK + ":"
                    + current.port() + " " + what + " (attempt " + attempt + " of " + START_ATTEMPTS + "); binary "
                    + spec.binary() + "; last lines of " + log + ":\n" + tail);
        }
    }

    private static Outcome awaitReady(RedisProcess started, Spec spec, int port, Path log, long logOffset) {
        long deadline = System.nanoTime() + spec.startupTimeout().toNanos();
        boolean announced = false;
        while (true) {
            // Wait first: a redis that cannot bind exits within milliseconds.
            if (started.exitsWithin(PROBE_INTERVAL_MILLIS)) {
                return Outcome.EXITED;
            }
            announced = announced || LogTail.containsSince(log, logOffset, READY_MARKER);
            if (announced && ReadinessProbe.isReady(FreePorts.LOOPBACK, port, spec.password(), started.pid())) {
                return Outcome.READY;
            }
            if (System.nanoTime() - deadline > 0) {
                return started.isAlive() ? Outcome.TIMED_OUT : Outcome.EXITED;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisProcessException("interrupted while waiting to retry redis-server");
        }
    }
}
