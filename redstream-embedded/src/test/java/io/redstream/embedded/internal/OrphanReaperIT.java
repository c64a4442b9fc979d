package io.redstream.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.redstream.embedded.EmbeddedRedis;
import io.redstream.embedded.RedisBinary;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Simulates a JVM that died with kill -9: a real redis-server child plus a pid file whose owner pid
 * is a process that has exited.
 */
class OrphanReaperIT {

    @TempDir Path scratch;
    private Process child;

    @AfterEach
    void killChild() throws InterruptedException {
        if (child != null) {
            child.destroyForcibly();
            child.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void reapOrphans_childOfDeadOwner_isKilledAndItsFileDeleted() throws Exception {
        child = startRedisChild();
        Path file = pidFile(deadPid(), child).writeTo(PidFile.defaultDirectory());

        EmbeddedRedis.reapOrphans();

        assertThat(child.waitFor(5, TimeUnit.SECONDS)).as("orphan killed").isTrue();
        assertThat(file).doesNotExist();
    }

    @Test
    void reap_countsKilledOrphans() throws Exception {
        child = startRedisChild();
        Path directory = scratch.resolve("pids");
        pidFile(deadPid(), child).writeTo(directory);

        assertThat(OrphanReaper.reap(directory)).isEqualTo(1);
        assertThat(child.waitFor(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void reap_deadOwner_deletesTheTempDirectoryItCreatedButNothingElse() throws Exception {
        child = startRedisChild();
        Path directory = scratch.resolve("pids");
        Path ours = java.nio.file.Files.createDirectories(scratch.resolve("redstream-redis-123"));
        java.nio.file.Files.writeString(ours.resolve("redis.conf"), "port 1\n");
        pidFile(deadPid(), child, ours).writeTo(directory);
        Path foreign = java.nio.file.Files.createDirectories(scratch.resolve("precious"));
        Process other = new ProcessBuilder("true").start();
        other.waitFor(5, TimeUnit.SECONDS);
        pidFile(deadPid(), other, foreign).writeTo(directory);

        assertThat(OrphanReaper.reap(directory)).isEqualTo(1);

        assertThat(ours).doesNotExist();
        assertThat(foreign).as("not named like our temp directories").exists();
    }

    @Test
    void isOurTempDirectory_onlyPrefixedSiblingsOfThePidDirectory() {
        Path pids = Path.of("/tmp/redstream-embedded-u/pids");

        assertThat(OrphanReaper.isOurTempDirectory(Path.of("/tmp/redstream-embedded-u/redstream-redis-42"), pids)).isTrue();
        assertThat(OrphanReaper.isOurTempDirectory(Path.of("/tmp/redstream-embedded-u/other-42"), pids)).isFalse();
        assertThat(OrphanReaper.isOurTempDirectory(Path.of("/tmp/redstream-redis-42"), pids)).isFalse();
        assertThat(OrphanReaper.isOurTempDirectory(Path.of("/home/redstream-redis-42"), pids)).isFalse();
        assertThat(OrphanReaper.isOurTempDirectory(Path.of("/tmp/redstream-embedded-u/redstream-redis-42/../../etc"), pids))
                .isFalse();
    }

    @Test
    void reap_childOfLiveOwner_isLeftAlone() throws Exception {
        child = startRedisChild();
        Path directory = scratch.resolve("pids");
        Path file = PidFile.ownedByThisJvm(child.toHandle()).writeTo(directory);

        assertThat(OrphanReaper.reap(directory)).isZero();
        assertThat(child.isAlive()).isTrue();
        assertThat(file).exists();
    }

    @Test
    void reap_recordedPidNowBelongsToAnotherProcess_isLeftAloneButFileDeleted() throws Exception {
        child = startRedisChild();
        Path directory = scratch.resolve("pids");
        // Same pid, but recorded as started in 1970: the live process is not the one we recorded.
        Path file = new PidFile(deadPid(), Optional.empty(), child.pid(), Optional.of(Instant.EPOCH)).writeTo(directory);

        assertThat(OrphanReaper.reap(directory)).isZero();
        assertThat(child.isAlive()).isTrue();
        assertThat(file).doesNotExist();
    }

    @Test
    void reap_childAlreadyGone_onlyDeletesFile() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(5, TimeUnit.SECONDS);
        Path directory = scratch.resolve("pids");
        Path file = new PidFile(deadPid(), Optional.empty(), gone.pid(), gone.info().startInstant()).writeTo(directory);

        assertThat(OrphanReaper.reap(directory)).isZero();
        assertThat(file).doesNotExist();
    }

    private static PidFile pidFile(long ownerPid, Process child) {
        return new PidFile(ownerPid, Optional.empty(), child.pid(), child.toHandle().info().startInstant());
    }

    private static PidFile pidFile(long ownerPid, Process child, Path tempDirectory) {
        return new PidFile(ownerPid, Optional.empty(), child.pid(), child.toHandle().info().startInstant(),
                Optional.of(tempDirectory));
    }

    /** A real redis-server the way a dead JVM would have left it: ours, but not in our registry. */
    private Process startRedisChild() throws IOException {
        Path dir = scratch.resolve("child-" + System.nanoTime());
        java.nio.file.Files.createDirectories(dir);
        return new ProcessBuilder(RedisBinary.path().toString(),
                "--bind", "127.0.0.1", "--port", String.valueOf(FreePorts.find()), "--dir", dir.toString(), "--save", "")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
    }

    /** The pid of a process that has exited: an owner JVM that was killed. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        assertThat(p.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(p.pid()).filter(ProcessHandle::isAlive)).isEmpty();
        return p.pid();
    }
}
