package io.redstream.embedded.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every redis-server this JVM started and has not yet seen exit, plus the temporary directories it
 * created, so that nothing outlives the JVM.
 *
 * <p>Three safety nets besides the owner's own {@code close()}:
 * <ul>
 *   <li>one shared JVM shutdown hook that stops still-registered servers (an owner that never reached
 *       {@code close()}, Ctrl-C, a SIGTERM) — SIGTERM, SIGKILL for what is left after 2 s — and deletes
 *       their pid files and temp directories;</li>
 *   <li>the {@link Watchdog} of each server, for the case no hook covers: the JVM killed with
 *       {@code kill -9};</li>
 *   <li>a pid file per server (see {@link PidFile}) and an {@link OrphanReaper} run at the first start
 *       in every JVM, for servers whose watchdog died with the JVM, and for the temp directories of
 *       JVMs that ran no hook.</li>
 * </ul>
 *
 * <p>Thread-safe. The hook takes no locks, so it cannot deadlock with a thread that is stuck inside a
 * server's lifecycle method while the JVM exits.
 */
public final class ProcessRegistry {

    /** Name prefix of the temp data directories the runtime creates (and the reaper may delete). */
    public static final String TEMP_DIRECTORY_PREFIX = "redstream-redis-";

    private static final long HOOK_GRACE_MILLIS = 2_000;

    /** A registered server: its watchdog, redis-server itself, and its pid file. */
    record Tracked(Process watchdog, ProcessHandle redis, Path pidFile) {
        Tracked {
            requireNonNull(watchdog, "watchdog");
            requireNonNull(redis, "redis");
            requireNonNull(pidFile, "pidFile");
        }
    }

    private static final Set<Tracked> LIVE = ConcurrentHashMap.newKeySet();
    private static final Set<Path> TEMP_DIRECTORIES = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean INITIALIZED = new AtomicBoolean();

    private ProcessRegistry() {}

    /** Reaps orphans of dead JVMs and installs the shutdown hook, once per JVM. */
    public static void initialize() {
        if (INITIALIZED.compareAndSet(false, true)) {
            OrphanReaper.reap(PidFile.defaultDirectory());
            Thread hook = new Thread(ProcessRegistry::stopAll, "redstream-embedded-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    /**
     * Registers a just-started server: in memory for the hook, on disk for the reaper.
     *
     * @param tempDirectory the temp data directory created for it, for the reaper to delete
     * @throws java.io.UncheckedIOException if the pid file cannot be written; the server is then not
     *     tracked and the caller must kill it
     */
    static Tracked track(Process watchdog, ProcessHandle redis, Optional<Path> tempDirectory) {
        initialize();
        PidFile record = PidFile.ownedByThisJvm(redis, tempDirectory);
        Tracked tracked = new Tracked(watchdog, redis, PidFile.defaultDirectory().resolve(record.fileName()));
        LIVE.add(tracked);
        try {
            record.writeTo(PidFile.defaultDirectory());
        } catch (RuntimeException e) {
            LIVE.remove(tracked);
            throw e;
        }
        return tracked;
    }

    /** Forgets a server that has exited. Idempotent; null is ignored. */
    static void untrack(Tracked tracked) {
        if (tracked != null) {
            LIVE.remove(tracked);
            Directories.deleteQuietly(tracked.pidFile());
        }
    }

    /** Creates a private temp data directory in {@link RuntimeDirectory#root()}, registered for the hook. */
    public static Path createTempDirectory() throws IOException {
        Path dir = Files.createTempDirectory(RuntimeDirectory.root(), TEMP_DIRECTORY_PREFIX);
        TEMP_DIRECTORIES.add(dir);
        return dir;
    }

    /** Forgets a temp directory its owner has deleted. */
    public static void untrackTempDirectory(Path directory) {
        TEMP_DIRECTORIES.remove(directory);
    }

    /** Number of servers started and not yet seen exit; for tests and diagnostics. */
    public static int liveCount() {
        return LIVE.size();
    }

    private static void stopAll() {
        int stopped = 0;
        for (Tracked t : LIVE) {
            if (t.watchdog().isAlive() || t.redis().isAlive()) {
                t.redis().destroy();
                stopped++;
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HOOK_GRACE_MILLIS);
        for (Tracked t : LIVE) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!t.watchdog().waitFor(left, TimeUnit.NANOSECONDS)) {
                    t.redis().destroyForcibly();
                    t.watchdog().waitFor(HOOK_GRACE_MILLIS, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Directories.deleteQuietly(t.pidFile());
        }
        LIVE.clear();
        for (Path dir : TEMP_DIRECTORIES) {
            Directories.deleteRecursively(dir);
        }
        TEMP_DIRECTORIES.clear();
        if (stopped > 0) {
            // stderr rather than the logger: logging may already be shut down by its own hook. Worth a line:
            // it means some owner did not close what it started.
            System.err.println("redstream-embedded: shutdown hook killed " + stopped
                    + " redis-server process(es) that were still running");
        }
    }
}
