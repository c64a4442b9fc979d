package io.redstream.testkit;

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
 * Every child process the testkit started and has not yet seen exit, plus the temporary directories
 * it created, so that nothing outlives the JVM.
 *
 * <p>Two safety nets, both installed on first use:
 * <ul>
 *   <li>one shared JVM shutdown hook that SIGKILLs still-registered processes (a failing test that
 *       never reached {@code close()}, or Ctrl-C) and deletes their pid files and temp directories;</li>
 *   <li>a pid file per child (see {@link PidFile}) and an {@link OrphanReaper} run, for the case the
 *       hook cannot cover: the JVM itself killed with {@code kill -9}.</li>
 * </ul>
 *
 * <p>Thread-safe. The hook takes no locks, so it cannot deadlock with a test thread that is stuck
 * inside a fixture while the JVM exits.
 */
final class ProcessRegistry {

    /** A registered child and its pid file. */
    record Tracked(Process process, Path pidFile) {
        Tracked {
            requireNonNull(process, "process");
            requireNonNull(pidFile, "pidFile");
        }
    }

    private static final Set<Tracked> LIVE = ConcurrentHashMap.newKeySet();
    private static final Set<Path> TEMP_DIRECTORIES = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean INITIALIZED = new AtomicBoolean();

    private ProcessRegistry() {}

    /** Reaps orphans of dead JVMs and installs the shutdown hook, once per JVM. */
    static void initialize() {
        if (INITIALIZED.compareAndSet(false, true)) {
            OrphanReaper.reap(PidFile.defaultDirectory());
            Thread hook = new Thread(ProcessRegistry::destroyAll, "redstream-testkit-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    /**
     * Registers a just-started child: in memory for the hook, on disk for the reaper.
     *
     * @param tempDirectory the temp data directory created for the child, for the reaper to delete
     *
     * @throws java.io.UncheckedIOException if the pid file cannot be written; the process is then not
     *     tracked and the caller must kill it
     */
    static Tracked track(Process process, Optional<Path> tempDirectory) {
        initialize();
        PidFile record = PidFile.ownedByThisJvm(process.toHandle(), tempDirectory);
        Tracked tracked = new Tracked(process, PidFile.defaultDirectory().resolve(record.fileName()));
        LIVE.add(tracked);
        try {
            record.writeTo(PidFile.defaultDirectory());
        } catch (RuntimeException e) {
            LIVE.remove(tracked);
            throw e;
        }
        return tracked;
    }

    /** Forgets a child that has exited. Idempotent. */
    static void untrack(Tracked tracked) {
        if (tracked != null) {
            LIVE.remove(tracked);
            Directories.deleteQuietly(tracked.pidFile());
        }
    }

    /** Registers a temp directory we created, so the hook can delete it if close() never runs. */
    static void trackTempDirectory(Path directory) {
        TEMP_DIRECTORIES.add(directory);
    }

    static void untrackTempDirectory(Path directory) {
        TEMP_DIRECTORIES.remove(directory);
    }

    /** Number of children started and not yet seen exit; for tests and diagnostics. */
    static int liveCount() {
        return LIVE.size();
    }

    private static void destroyAll() {
        int killed = 0;
        for (Tracked t : LIVE) {
            if (t.process().isAlive()) {
                t.process().destroyForcibly();
                killed++;
            }
        }
        for (Tracked t : LIVE) {
            try {
                t.process().waitFor(2, TimeUnit.SECONDS);
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
        if (killed > 0) {
            // Worth a line: it means some test or fixture owner did not close what it started.
            System.err.println("redstream-testkit: shutdown hook killed " + killed
                    + " redis-server process(es) that were still running");
        }
    }

    /** Creates a temp directory, registered for deletion by the hook. */
    static Path createTempDirectory(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        trackTempDirectory(dir);
        return dir;
    }
}
