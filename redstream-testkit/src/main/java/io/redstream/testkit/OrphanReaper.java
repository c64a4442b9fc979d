package io.redstream.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Kills redis-server processes left behind by JVMs that died without cleaning up.
 *
 * <p>For every {@link PidFile} whose owner JVM is gone (or whose pid now belongs to a different
 * process), the recorded child is killed with SIGKILL if it is still the process we recorded, its temp
 * data directory (if the owner created one) is deleted, and so is the file. Files of live owners are never touched, so concurrent JVMs (parallel module builds)
 * do not interfere. Thread-safe; safe to run from several JVMs at once.
 */
final class OrphanReaper {

    private static final long KILL_WAIT_MILLIS = 5_000;

    private OrphanReaper() {}

    /**
     * Reaps orphans recorded in {@code directory}.
     *
     * @return how many live orphan processes were killed
     */
    static int reap(Path directory) {
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
            // Best effort: a reaper that cannot list the directory must not fail the test that triggered it.
            System.err.println("redstream-testkit: could not scan " + directory + " for orphaned redis-server processes: " + e);
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
     * Only a directory the testkit names {@code redstream-redis-*}, next to the pid directory, is ever
     * deleted: a pid file is input from another process and must not be able to point us at anything else.
     */
    static boolean isOurTempDirectory(Path candidate, Path pidDirectory) {
        Path dir = candidate.toAbsolutePath().normalize();
        Path root = pidDirectory.toAbsolutePath().normalize().getParent();
        return root != null
                && root.equals(dir.getParent())
                && dir.getFileName().toString().startsWith(RedisServerProcess.TEMP_DIRECTORY_PREFIX);
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
            System.err.println("redstream-testkit: orphaned redis-server pid " + pid + " did not exit after SIGKILL: " + e);
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
            System.err.println("redstream-testkit: could not delete pid file " + file + ": " + e);
        }
    }
}
