package io.redstream.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two ways a test JVM dies without closing its fixtures, with a real JVM and a real redis-server:
 * a signal that runs shutdown hooks (Ctrl-C, SIGTERM from a CI timeout) and {@code kill -9}, which
 * does not.
 */
class JvmDeathIT {

    @TempDir Path scratch;
    private Process jvm;
    private long redisPid = -1;
    private Path dataDirectory;

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (jvm != null) {
            jvm.destroyForcibly();
            jvm.waitFor(10, TimeUnit.SECONDS);
        }
        // Belt and braces: never let a failed assertion here leak the server.
        ProcessHandle.of(redisPid).ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void sigtermToJvm_shutdownHookKillsItsServer() throws Exception {
        jvm = startLeakyJvm();
        redisPid = readRedisPid(jvm);
        assertThat(isAlive(redisPid)).isTrue();

        jvm.destroy(); // SIGTERM

        assertThat(jvm.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(awaitDeath(redisPid)).as("redis-server pid %d killed by the hook", redisPid).isTrue();
        assertThat(pidFileOf(jvm.pid(), redisPid)).doesNotExist();
        assertThat(dataDirectory).as("temp data directory deleted by the hook").doesNotExist();
        // From a file: destroy() closes the child's pipes.
        assertThat(Files.readString(stderr()))
                .contains("shutdown hook killed 1 redis-server process");
    }

    @Test
    void kill9ToJvm_serverSurvives_thenReapOrphansKillsIt() throws Exception {
        jvm = startLeakyJvm();
        redisPid = readRedisPid(jvm);
        Path pidFile = pidFileOf(jvm.pid(), redisPid);
        assertThat(pidFile).exists();

        jvm.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(jvm.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(isAlive(redisPid)).as("the orphan outlives its JVM").isTrue();
        assertThat(dataDirectory).isDirectory();

        RedisServerProcess.reapOrphans();

        assertThat(awaitDeath(redisPid)).as("orphan pid %d reaped", redisPid).isTrue();
        assertThat(pidFile).doesNotExist();
        assertThat(dataDirectory).as("temp data directory of the dead JVM deleted").doesNotExist();
    }

    private Path stderr() {
        return scratch.resolve("jvm-stderr.txt");
    }

    private Process startLeakyJvm() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), LeakyJvmMain.class.getName())
                .redirectError(stderr().toFile())
                .start();
    }

    private long readRedisPid(Process jvm) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("DATA_DIR ")) {
                dataDirectory = Path.of(line.substring("DATA_DIR ".length()).trim());
            }
            if (line.startsWith("REDIS_PID ")) {
                return Long.parseLong(line.substring("REDIS_PID ".length()).trim());
            }
        }
        throw new AssertionError("child JVM ended without starting redis: "
                + Files.readString(stderr()));
    }

    private static Path pidFileOf(long ownerPid, long childPid) {
        return PidFile.defaultDirectory().resolve(new PidFile(ownerPid, Optional.empty(), childPid, Optional.empty()).fileName());
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static boolean awaitDeath(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (isAlive(pid)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
