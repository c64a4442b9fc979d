package io.redstream.embedded.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills redis-server processes left behind by JVMs that died without cleaning up, and deletes what
 * they left on disk.
 *
 * <p>For every {@link PidFile} whose owner JVM is gone (or whose pid now belongs to a different
 * process), the recorded child is killed with SIGKILL if it is still the process we recorded, its temp
 * data directory (if the owner created one) is deleted, and so is the file. Files of live owners are
 * never touched, so concurrent JVMs (parallel module builds) do not interfere.
 *
 * <p>Since the watchdog stops a server when its JVM dies, a live orphan is rare (watchdog and JVM
 * killed together); the common case is a dead JVM's pid file and temp data directory, which only the
 * reaper removes. Thread-safe; safe to run from several JVMs at once.
 */
public final class OrphanReaper {

    private static final Logger log = LoggerFactory.getLogger(OrphanReaper.class);
    private static final long KILL_WAIT_MILLIS = 5_000;

    private OrphanReaper() {}

    /**
     * Reaps orphans recorded in {@code directory}.
     *
     * @return how many live orphan processes were killed
     */
    public static int reap(Path directory) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int killed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.pid")) {
            for (Path file : files) {
                if (reapOne(file)) {
                    killed++;
                }
            }
        } catch (IOException e) {
            // Best effort: a reaper that cannot list the directory must not fail the start that triggered it.
            log.warn("could not scan {} for orphaned redis-server processes: {}", directory, e.toString());
        }
        if (killed > 0) {
            log.info("killed {} orphaned redis-server process(es) of JVMs that are gone", killed);
        }
        return killed;
    }

    private static boolean reapOne(Path file) {
        Optional<PidFile> parsed = PidFile.parse(file.getFileName().toString(), readQuietly(file));
        if (parsed.isEmpty()) {
            return false;
        }
        PidFile record = parsed.get();
        if (PidFile.isSameLiveProcess(record.ownerPid(), record.ownerStart())) {
            return false;
        }
        boolean killed = false;
        if (PidFile.isSameLiveProcess(record.childPid(), record.childStart())) {
            killed = kill(record.childPid());
        }
        if (!PidFile.isSameLiveProcess(record.childPid(), record.childStart())) {
            record.tempDirectory().filter(dir -> isOurTempDirectory(dir, file.getParent()))
                    .ifPresent(Directories::deleteRecursively);
        }
        deleteQuietly(file);
        return killed;
    }

    /**
     * Only a directory the runtime names {@code redstream-redis-*}, next to the pid directory, is ever
     * deleted: a pid file is input from another process and must not be able to point us at anything else.
     */
    static boolean isOurTempDirectory(Path candidate, Path pidDirectory) {
        Path dir = candidate.toAbsolutePath().normalize();
        Path root = pidDirectory.toAbsolutePath().normalize().getParent();
        return root != null
                && root.equals(dir.getParent())
                && dir.getFileName().toString().startsWith(ProcessRegistry.TEMP_DIRECTORY_PREFIX);
    }

    private static boolean kill(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return false;
        }
        boolean signalled = handle.get().destroyForcibly();
        try {
            handle.get().onExit().get(KILL_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("orphaned redis-server pid {} did not exit after SIGKILL: {}", pid, e.toString());
        }
        return signalled;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (NoSuchFileException e) {
            // another JVM reaped it first
        } catch (IOException e) {
            log.warn("could not delete pid file {}: {}", file, e.toString());
        }
    }
}
