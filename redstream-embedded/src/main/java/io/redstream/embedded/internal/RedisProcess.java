package io.redstream.embedded.internal;

import io.redstream.embedded.RedisProcessException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One redis-server process, started under its {@link Watchdog} and recorded in the
 * {@link ProcessRegistry} (memory and pid file) until it is seen to exit.
 *
 * <p>Signals go to redis-server itself, through the {@link ProcessHandle} taken when it started (which
 * refuses to signal a process that started later under the same pid). Exit is observed through the
 * watchdog, the JVM's own child, which exits as soon as it has reaped redis; a {@code ProcessHandle}
 * of a non-child would still call an exited but unreaped process alive.
 *
 * <p>Thread-safe: the fields are final and every method tolerates concurrent calls (the JVM shutdown
 * hook may stop a process that its owner is stopping too).
 */
public final class RedisProcess {

    /** How long to wait for the process to be gone after SIGKILL. */
    public static final Duration KILL_TIMEOUT = Duration.ofSeconds(5);

    private static final long POLL_MILLIS = 10;

    private final Process watchdog;
    private final long pid;
    private final Optional<ProcessHandle> redis;
    /** The watchdog's stdin: held, never written; closing it (or dying) tells the watchdog to stop redis. */
    private final OutputStream lifeline;
    private final ProcessRegistry.Tracked tracked;

    private RedisProcess(Watchdog.Started started, ProcessRegistry.Tracked tracked) {
        this.watchdog = started.watchdog();
        this.pid = started.redisPid();
        this.redis = started.redis();
        this.lifeline = watchdog.getOutputStream();
        this.tracked = tracked;
    }

    /**
     * Starts {@code binary config} in {@code directory} under a watchdog and registers it.
     *
     * @param grace how long the watchdog gives redis after SIGTERM when the JVM is gone
     * @param tempDirectory the temp data directory created for it, for the reaper to delete
     * @throws RedisProcessException if it cannot be started or registered (nothing is left running)
     */
    public static RedisProcess start(Path binary, Path config, Path log, Path directory, Duration grace,
            Optional<Path> tempDirectory) {
        Watchdog.Started started = Watchdog.start(binary, config, log, directory, grace);
        try {
            // Nothing to record for a redis that is already gone: it cannot be orphaned.
            ProcessRegistry.Tracked tracked = started.redis().isEmpty() ? null
                    : ProcessRegistry.track(started.watchdog(), started.redis().get(), tempDirectory);
            return new RedisProcess(started, tracked);
        } catch (RuntimeException e) {
            started.redis().ifPresent(ProcessHandle::destroyForcibly);
            started.watchdog().destroyForcibly();
            throw new RedisProcessException("could not record redis-server pid " + started.redisPid()
                    + " for orphan reaping: " + e.getMessage(), e);
        }
    }

    /** The redis-server pid (not the watchdog's). */
    public long pid() {
        return pid;
    }

    /** Whether redis-server is running (an exit not yet reaped counts as running for a few microseconds). */
    public boolean isAlive() {
        if (watchdog.isAlive()) {
            return true;
        }
        // The watchdog reaps redis before it exits; if it was killed instead, redis may live on without it.
        return redis.map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Waits up to {@code millis} for the process to exit.
     *
     * @throws RedisProcessException if interrupted (the interrupt flag is kept)
     */
    public boolean exitsWithin(long millis) {
        return awaitExit(Duration.ofMillis(millis));
    }

    /** Redis' exit status (128 + signal number if a signal ended it); only after it has exited. */
    public int exitValue() {
        return watchdog.exitValue();
    }

    /**
     * Graceful stop: SIGTERM (redis flushes the AOF and exits), then SIGKILL after {@code timeout}.
     * No-op for a process that has exited, except forgetting it.
     *
     * @throws RedisProcessException if it is still there {@link #KILL_TIMEOUT} after SIGKILL
     */
    public void stop(Duration timeout) {
        try {
            if (isAlive()) {
                redis.ifPresent(ProcessHandle::destroy);
                if (!awaitExit(timeout)) {
                    kill();
                }
            }
        } finally {
            release();
        }
    }

    /**
     * SIGKILL, then waits for the process to be gone.
     *
     * @throws RedisProcessException if it is still there {@link #KILL_TIMEOUT} after SIGKILL
     */
    public void kill() {
        try {
            redis.ifPresent(ProcessHandle::destroyForcibly);
            if (!awaitExit(KILL_TIMEOUT)) {
                throw new RedisProcessException("redis-server pid " + pid + " still running " + KILL_TIMEOUT.toMillis()
                        + " ms after SIGKILL");
            }
        } finally {
            release();
        }
    }

    /** Waits for redis to be gone: normally the watchdog's exit, else (watchdog killed) redis' own. */
    boolean awaitExit(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!watchdog.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return false;
            }
            while (redis.map(ProcessHandle::isAlive).orElse(false)) {
                if (System.nanoTime() - deadline > 0) {
                    return false;
                }
                Thread.sleep(POLL_MILLIS);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisProcessException("interrupted while waiting for redis-server pid " + pid + " to exit");
        }
    }

    /** Closes the lifeline (the watchdog has nothing left to guard) and forgets the process. Idempotent. */
    private void release() {
        if (isAlive()) {
            return; // still running after a failed kill: keep the safety nets
        }
        try {
            lifeline.close();
        } catch (IOException e) {
            // the watchdog is gone already
        }
        ProcessRegistry.untrack(tracked);
    }

    @Override
    public String toString() {
        return "redis-server pid " + pid + " (watchdog pid " + watchdog.pid() + ")";
    }
}
