package io.redstream.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.redstream.embedded.internal.OrphanReaper;
import io.redstream.embedded.internal.PidFile;
import io.redstream.embedded.internal.RuntimeDirectory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ways a JVM dies without closing its server, with a real JVM and a real redis-server: a signal that
 * runs shutdown hooks (Ctrl-C, SIGTERM from a CI timeout) and {@code kill -9}, which does not and which
 * only the watchdog covers. The child JVM gets a {@code java.io.tmpdir} of its own, so no other JVM's
 * reaper touches its files while the test looks at them.
 */
class JvmDeathIT {

    private static final long DEATH_WAIT_SECONDS = 10;

    @TempDir Path scratch;
    private Process jvm;
    private long redisPid = -1;
    private Path dataDirectory;
    private String password;

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
        readChildOutput(jvm);
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
    void kill9ToJvm_watchdogStopsItsServer() throws Exception {
        jvm = startLeakyJvm();
        readChildOutput(jvm);
        assertThat(ProcessHandle.of(redisPid).flatMap(p -> p.info().command()))
                .as("the pid the JVM reports is redis-server itself")
                .hasValueSatisfying(c -> assertThat(c).contains("redis-server"));
        Path pidFile = pidFileOf(jvm.pid(), redisPid);
        assertThat(pidFile).as("the pid file records the redis-server pid").exists();
        assertThat(dataDirectory.getParent()).as("in the child's own runtime directory").isEqualTo(childRuntime());

        jvm.destroyForcibly(); // SIGKILL: no shutdown hook runs

        assertThat(jvm.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(awaitDeath(redisPid)).as("redis-server pid %d stopped by its watchdog within %d s", redisPid,
                DEATH_WAIT_SECONDS).isTrue();
        // No hook ran, so the files are left for the reaper, which the next start in any JVM runs.
        assertThat(pidFile).exists();
        assertThat(dataDirectory).isDirectory();
        assertThat(Files.readString(dataDirectory.resolve(EmbeddedRedis.LOG_FILE_NAME)))
                .as("stopped by SIGTERM: a clean shutdown").contains("Received SIGTERM");

        OrphanReaper.reap(childRuntime().resolve(RuntimeDirectory.PID_DIRECTORY));

        assertThat(pidFile).doesNotExist();
        assertThat(dataDirectory).as("temp data directory of the dead JVM deleted").doesNotExist();
    }

    @Test
    void childJvmLogs_neverShowThePassword() throws Exception {
        jvm = startLeakyJvm("-Dorg.slf4j.simpleLogger.defaultLogLevel=debug");
        readChildOutput(jvm);
        jvm.destroy();
        assertThat(jvm.waitFor(10, TimeUnit.SECONDS)).isTrue();

        String logs = Files.readString(stderr());
        assertThat(logs).as("debug logging is on and names the server")
                .contains("embedded Redis started at redis://:***@127.0.0.1:");
        assertThat(logs).doesNotContain(password);
    }

    private Path stderr() {
        return scratch.resolve("jvm-stderr.txt");
    }

    private Path childTmp() {
        return scratch.resolve("tmp");
    }

    /** The runtime directory the child JVM uses (it created it). */
    private Path childRuntime() {
        return RuntimeDirectory.resolve(childTmp(), System.getProperty("user.name"));
    }

    private Process startLeakyJvm(String... jvmOptions) throws IOException {
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.createDirectories(childTmp());
        List<String> command = new ArrayList<>(List.of(javaCommand, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + childTmp(), "-D" + RedisBinary.PROPERTY + "=" + RedisBinary.path()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LeakyJvmMain.class.getName()));
        return new ProcessBuilder(command).redirectError(stderr().toFile()).start();
    }

    private void readChildOutput(Process jvm) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("DATA_DIR ")) {
                dataDirectory = Path.of(line.substring("DATA_DIR ".length()).trim());
            }
            if (line.startsWith("PASSWORD ")) {
                password = line.substring("PASSWORD ".length()).trim();
            }
            if (line.startsWith("REDIS_PID ")) {
                redisPid = Long.parseLong(line.substring("REDIS_PID ".length()).trim());
                return;
            }
        }
        throw new AssertionError("child JVM ended without starting redis: " + Files.readString(stderr()));
    }

    private Path pidFileOf(long ownerPid, long childPid) {
        return childRuntime().resolve(RuntimeDirectory.PID_DIRECTORY)
                .resolve(new PidFile(ownerPid, Optional.empty(), childPid, Optional.empty()).fileName());
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Polls {@link ProcessHandle} for up to {@value #DEATH_WAIT_SECONDS} s. */
    private static boolean awaitDeath(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEATH_WAIT_SECONDS);
        while (isAlive(pid)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
