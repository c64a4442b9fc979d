package io.redstream.embedded.internal;

import io.redstream.embedded.RedisProcessException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Starts redis-server under a small POSIX {@code sh} watchdog that stops it when the JVM dies, by any
 * means, {@code kill -9} included.
 *
 * <p><b>How.</b> The JVM starts {@code /bin/sh} (the watchdog) with a pipe as its stdin and never
 * writes to it. The watchdog starts redis-server as its own child (stdin {@code /dev/null}, stdout
 * and stderr appended to the log file, so redis holds none of the JVM's pipes), prints redis' pid on
 * stdout for the JVM, and forks a reader that blocks on the pipe. Only the JVM holds the pipe's write
 * end (the JDK closes every other descriptor in the children it starts), so when the JVM exits or is
 * killed the kernel closes it, the reader sees end-of-file and sends redis SIGTERM (a clean shutdown),
 * then SIGKILL if redis is still there after the grace period. No polling, no second JVM.
 *
 * <p>The watchdog waits for redis and exits with its status as soon as redis exits for any reason, so
 * the JVM learns of redis' death from the watchdog process it started, and redis is reaped at once:
 * a pid is only ever signalled while its parent, the watchdog, has not yet reaped it, so it cannot
 * have been reused by another process. (The one exception is the reader racing the reap by
 * microseconds; pids would have to wrap around in that time.) SIGTERM, SIGINT or SIGHUP sent to the
 * watchdog itself are passed on to redis, and the watchdog keeps waiting until redis has exited.
 *
 * <p>A normal stop does not go through the pipe: the JVM sends redis SIGTERM directly (see
 * {@link RedisProcess#stop}); the pipe is the safety net for when the JVM cannot.
 */
final class Watchdog {

    /**
     * $1 redis-server, $2 redis.conf, $3 log file, $4 grace seconds. The reader gets the pipe through
     * fd 3 because POSIX gives an asynchronous list of a non-interactive shell /dev/null as stdin unless
     * it redirects stdin explicitly.
     */
    static final String SCRIPT = String.join("\n",
            "\"$1\" \"$2\" </dev/null >>\"$3\" 2>&1 &",
            "redis=$!",
            "echo \"$redis\"",
            "exec 3<&0 >/dev/null",
            "{",
            "  while read -r _; do :; done",
            "  kill -TERM \"$redis\" 2>/dev/null",
            "  sleep \"$4\"",
            "  kill -KILL \"$redis\" 2>/dev/null",
            "} <&3 3<&- >/dev/null 2>&1 &",
            "reader=$!",
            "exec 0</dev/null 3<&-",
            "forwarded=",
            "trap 'forwarded=1; kill -TERM \"$redis\" 2>/dev/null' HUP INT TERM",
            "wait \"$redis\"",
            "status=$?",
            // A trapped signal interrupts wait before redis is reaped: wait again for its real status.
            // (Shells differ on waiting for a pid already reaped: dash repeats the status, bash says 127.)
            "while [ -n \"$forwarded\" ]; do",
            "  forwarded=",
            "  wait \"$redis\"",
            "  again=$?",
            "  [ \"$again\" -eq 127 ] || status=$again",
            "done",
            "kill \"$reader\" 2>/dev/null",
            "exit \"$status\"",
            "");

    /** Shown as the watchdog's {@code $0}, so {@code ps} says what the shell is. */
    static final String PROCESS_NAME = "redstream-redis-watchdog";

    private static final Path SHELL = Path.of("/bin/sh");

    /**
     * A started watchdog and the redis-server it started.
     *
     * @param redis empty if redis has already exited (it could not be executed, or died at once)
     */
    record Started(Process watchdog, long redisPid, Optional<ProcessHandle> redis) {}

    private Watchdog() {}

    /**
     * Starts {@code binary config} under a watchdog, in {@code directory}, logging to {@code log}.
     *
     * @param grace how long the watchdog waits after SIGTERM before SIGKILL when the JVM is gone
     * @throws RedisProcessException if the shell cannot be started or does not report redis' pid
     */
    static Started start(Path binary, Path config, Path log, Path directory, Duration grace) {
        requirePosix();
        List<String> command = List.of(SHELL.toString(), "-c", SCRIPT, PROCESS_NAME, binary.toString(),
                config.toString(), log.toString(), String.valueOf(graceSeconds(grace)));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process watchdog;
        try {
            watchdog = builder.start();
        } catch (IOException e) {
            throw new RedisProcessException("could not start " + SHELL + " to run " + binary, e);
        }
        long pid;
        try {
            pid = readPid(watchdog.getInputStream());
        } catch (RuntimeException e) {
            watchdog.destroyForcibly();
            throw new RedisProcessException("the watchdog shell (pid " + watchdog.pid() + ") did not report the pid of "
                    + binary + ": " + e.getMessage(), e);
        }
        return new Started(watchdog, pid, ProcessHandle.of(pid).filter(ProcessHandle::isAlive));
    }

    /** The first line of the watchdog's stdout; after it the watchdog closes its stdout. */
    private static long readPid(InputStream stdout) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.US_ASCII))) {
            String line = reader.readLine();
            if (line == null) {
                throw new IllegalStateException("it exited without printing one");
            }
            return Long.parseLong(line.trim());
        } catch (IOException e) {
            throw new IllegalStateException("reading its output failed: " + e.getMessage(), e);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("it printed something else", e);
        }
    }

    /** Whole seconds, at least 1: POSIX {@code sleep} takes no fractions. */
    static long graceSeconds(Duration grace) {
        return Math.max(1, (grace.toMillis() + 999) / 1000);
    }

    private static void requirePosix() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") || !Files.isExecutable(SHELL)) {
            throw new RedisProcessException("the embedded Redis needs a POSIX system with " + SHELL
                    + " (Linux or macOS), but this is " + System.getProperty("os.name"));
        }
    }
}
