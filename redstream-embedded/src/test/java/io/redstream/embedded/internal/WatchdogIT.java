package io.redstream.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.redstream.embedded.AppendFsync;
import io.redstream.embedded.RedisBinary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watchdog shell on its own, against a real redis-server: each way it can be told to stop redis. */
class WatchdogIT {

    private static final Duration GRACE = Duration.ofSeconds(1);

    @TempDir Path dir;
    private Path config;
    private Path log;
    private Watchdog.Started started;

    @BeforeEach
    void writeConfig() {
        config = dir.resolve("redis.conf");
        log = dir.resolve("redis.log");
        Directories.writePrivately(config, new RedisConfig(FreePorts.find(), dir, false, AppendFsync.EVERYSEC, null, 0,
                List.of()).render());
    }

    @AfterEach
    void killEverything() throws InterruptedException {
        if (started != null) {
            started.redis().ifPresent(ProcessHandle::destroyForcibly);
            started.watchdog().destroyForcibly();
            started.watchdog().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void lifelineClosed_redisGetsSigtermAndTheWatchdogExitsWithItsStatus() throws Exception {
        start();

        started.watchdog().getOutputStream().close(); // what the kernel does when the JVM dies

        assertThat(started.watchdog().waitFor(10, TimeUnit.SECONDS)).as("watchdog exited").isTrue();
        assertThat(started.watchdog().exitValue()).as("redis' own exit status after a clean shutdown").isZero();
        assertThat(isAlive(started.redisPid())).isFalse();
        assertThat(Files.readString(log)).contains("Received SIGTERM");
    }

    @Test
    void redisKilled_watchdogExitsAtOnceWithItsStatus() throws Exception {
        start();

        started.redis().orElseThrow().destroyForcibly();

        assertThat(started.watchdog().waitFor(10, TimeUnit.SECONDS)).as("watchdog exited").isTrue();
        assertThat(started.watchdog().exitValue()).as("128 + SIGKILL").isEqualTo(137);
    }

    @Test
    void sigtermToTheWatchdog_isPassedOnToRedis_andTheWatchdogWaitsForItsRealStatus() throws Exception {
        start();

        // Through the handle: Process.destroy() would also close the lifeline, which stops redis anyway.
        started.watchdog().toHandle().destroy();

        assertThat(started.watchdog().waitFor(10, TimeUnit.SECONDS)).as("watchdog exited").isTrue();
        assertThat(started.watchdog().exitValue()).as("redis' status, not the interrupted wait's 143").isZero();
        assertThat(isAlive(started.redisPid())).isFalse();
        assertThat(Files.readString(log)).contains("Received SIGTERM");
    }

    @Test
    void redisThatDoesNotStopOnSigterm_isKilledAfterTheGracePeriod() throws Exception {
        start();
        // A stopped process cannot act on SIGTERM; SIGKILL still ends it.
        Process stop = new ProcessBuilder("kill", "-STOP", String.valueOf(started.redisPid())).start();
        assertThat(stop.waitFor(5, TimeUnit.SECONDS)).isTrue();

        started.watchdog().getOutputStream().close();

        assertThat(started.watchdog().waitFor(GRACE.toSeconds() + 10, TimeUnit.SECONDS)).as("watchdog exited").isTrue();
        assertThat(started.watchdog().exitValue()).as("128 + SIGKILL").isEqualTo(137);
    }

    @Test
    void redis_holdsNoneOfTheJvmsPipes() throws Exception {
        Path self = Path.of("/proc/self/fd");
        assumeThat(Files.isDirectory(self)).as("needs /proc (Linux)").isTrue();
        start();

        List<String> redisFds = descriptors(Path.of("/proc", String.valueOf(started.redisPid()), "fd"));
        assertThat(redisFds).contains("0 -> /dev/null", "1 -> " + log, "2 -> " + log);
        // Redis has pipes of its own; none may be one this JVM holds an end of (the watchdog's lifeline).
        List<String> jvmPipes = descriptors(self).stream().map(t -> t.substring(t.indexOf(" -> ") + 4))
                .filter(t -> t.startsWith("pipe:")).toList();
        assertThat(jvmPipes).as("the lifeline is a pipe of this JVM").isNotEmpty();
        assertThat(redisFds).noneMatch(t -> jvmPipes.contains(t.substring(t.indexOf(" -> ") + 4)));
    }

    private static List<String> descriptors(Path fdDirectory) throws IOException {
        List<String> targets = new ArrayList<>();
        try (Stream<Path> list = Files.list(fdDirectory)) {
            for (Path fd : (Iterable<Path>) list::iterator) {
                try {
                    targets.add(fd.getFileName() + " -> " + Files.readSymbolicLink(fd));
                } catch (IOException e) {
                    // closed while listing
                }
            }
        }
        return targets;
    }

    @Test
    void pid_isRedisItself_aChildOfTheWatchdog() {
        start();

        ProcessHandle redis = started.redis().orElseThrow();
        assertThat(redis.info().command()).hasValueSatisfying(c -> assertThat(c).contains("redis-server"));
        assertThat(redis.parent().map(ProcessHandle::pid)).contains(started.watchdog().pid());
    }

    @Test
    void graceSeconds_isWholeSecondsRoundedUp_atLeastOne() {
        assertThat(Watchdog.graceSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(Watchdog.graceSeconds(Duration.ofMillis(5_000))).isEqualTo(5);
        assertThat(Watchdog.graceSeconds(Duration.ofMillis(5_001))).isEqualTo(6);
    }

    private void start() {
        started = Watchdog.start(RedisBinary.path(), config, log, dir, GRACE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!LogTail.containsSince(log, 0, Launcher.READY_MARKER)) {
            assertThat(System.nanoTime() - deadline).as("redis did not start: %s", LogTail.read(log, 0, 20)).isNegative();
            sleep(10);
        }
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
