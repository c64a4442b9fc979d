package io.redstream.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redstream.embedded.internal.Launcher;
import io.redstream.embedded.internal.PidFile;
import io.redstream.embedded.internal.ProcessRegistry;
import io.redstream.embedded.internal.RespConnection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedRedisIT {

    @Test
    void start_withoutPassword_clientGetsNoauth_withPassword_pingWorks() throws IOException {
        try (EmbeddedRedis redis = EmbeddedRedis.start()) {
            String password = redis.password().orElseThrow();
            try (RespConnection anonymous = connect(redis)) {
                assertThat(anonymous.call("PING")).isInstanceOfSatisfying(RespConnection.Error.class,
                        e -> assertThat(e.message()).startsWith("NOAUTH"));
                assertThat(anonymous.call("AUTH", "wrong")).isInstanceOf(RespConnection.Error.class);
            }
            try (RespConnection client = connect(redis)) {
                assertThat(client.call("AUTH", password)).isEqualTo("OK");
                assertThat(client.call("PING")).isEqualTo("PONG");
                assertThat((String) client.call("INFO", "server")).contains("redis_version:7.0.15")
                        .contains("process_id:" + redis.pid());
                assertThat(client.call("CONFIG", "GET", "bind")).isEqualTo(List.of("bind", "127.0.0.1"));
                assertThat(client.call("CONFIG", "GET", "protected-mode")).isEqualTo(List.of("protected-mode", "yes"));
            }
        }
    }

    @Test
    void start_randomPassword_isLongUriSafeAndDifferentEveryTime() {
        try (EmbeddedRedis a = EmbeddedRedis.start(); EmbeddedRedis b = EmbeddedRedis.start()) {
            String pa = a.password().orElseThrow();
            // 256 bits as base64url: 43 characters, none that needs escaping in a URI.
            assertThat(pa).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(b.password()).get().isNotEqualTo(pa);
        }
    }

    @Test
    void uri_carriesThePassword_toStringAndRedactedUriNever() throws IOException {
        try (EmbeddedRedis redis = EmbeddedRedis.start()) {
            String password = redis.password().orElseThrow();

            assertThat(redis.uri()).isEqualTo("redis://:" + password + "@127.0.0.1:" + redis.port());
            URI parsed = URI.create(redis.uri());
            assertThat(parsed.getUserInfo()).isEqualTo(":" + password);
            assertThat(redis.redactedUri()).isEqualTo("redis://:***@127.0.0.1:" + redis.port());
            assertThat(redis.toString()).doesNotContain(password).contains("redis://:***@127.0.0.1:" + redis.port())
                    .contains("pid " + redis.pid()).contains("running");
            // The only copies on disk are in the owner-only config; the log never has it.
            assertThat(Files.readString(redis.logFile())).doesNotContain(password);
            Path config = redis.dataDirectory().resolve("redis.conf");
            assertThat(Files.readString(config)).contains("requirepass \"" + password + "\"");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(redis.dataDirectory()))).isEqualTo("rwx------");
        }
    }

    @Test
    void start_givenPasswordWithAwkwardCharacters_isPercentEncodedInTheUri() throws IOException {
        try (EmbeddedRedis redis = EmbeddedRedis.builder().password("p@ss word:/%").start()) {
            assertThat(redis.uri()).isEqualTo("redis://:p%40ss%20word%3A%2F%25@127.0.0.1:" + redis.port());
            assertThat(redis.password()).contains("p@ss word:/%");
            try (RespConnection client = connect(redis)) {
                assertThat(client.call("AUTH", "p@ss word:/%")).isEqualTo("OK");
            }
            assertThat(redis.toString()).doesNotContain("p@ss").doesNotContain("p%40ss");
        }
    }

    @Test
    void noPassword_anyClientMayConnect_andTheUriHasNoUserinfo() throws IOException {
        try (EmbeddedRedis redis = EmbeddedRedis.builder().noPassword().start(); RespConnection client = connect(redis)) {
            assertThat(client.call("PING")).isEqualTo("PONG");
            assertThat(redis.password()).isEmpty();
            assertThat(redis.uri()).isEqualTo("redis://127.0.0.1:" + redis.port());
            assertThat(redis.redactedUri()).isEqualTo(redis.uri());
        }
    }

    @Test
    void start_concurrently_givesDistinctPortsProcessesAndDirectories() throws Exception {
        int servers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(servers);
        List<EmbeddedRedis> started = new ArrayList<>();
        try {
            List<Callable<EmbeddedRedis>> starts = new ArrayList<>();
            for (int i = 0; i < servers; i++) {
                starts.add(EmbeddedRedis::start);
            }
            for (Future<EmbeddedRedis> f : pool.invokeAll(starts, 60, TimeUnit.SECONDS)) {
                started.add(f.get());
            }
            Set<Integer> ports = new HashSet<>();
            Set<Long> pids = new HashSet<>();
            Set<Path> dirs = new HashSet<>();
            for (EmbeddedRedis redis : started) {
                ports.add(redis.port());
                pids.add(redis.pid());
                dirs.add(redis.dataDirectory());
                try (RespConnection client = connect(redis)) {
                    assertThat(client.call("AUTH", redis.password().orElseThrow())).isEqualTo("OK");
                    assertThat(client.call("PING")).isEqualTo("PONG");
                }
            }
            assertThat(ports).hasSize(servers);
            assertThat(pids).hasSize(servers);
            assertThat(dirs).hasSize(servers);
        } finally {
            started.forEach(EmbeddedRedis::close);
            pool.shutdownNow();
        }
    }

    @Test
    void close_isIdempotent_stopsTheProcess_removesTempDirectoryAndPidFile() {
        EmbeddedRedis redis = EmbeddedRedis.start();
        Path dir = redis.dataDirectory();
        long pid = redis.pid();
        Path pidFile = PidFile.defaultDirectory().resolve(ProcessHandle.current().pid() + "-" + pid + ".pid");
        assertThat(pidFile).exists();
        assertThat(dir.resolve("redis.conf")).exists();

        redis.close();
        redis.close();

        assertThat(redis.isClosed()).isTrue();
        assertThat(redis.isAlive()).isFalse();
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(dir).doesNotExist();
        assertThat(pidFile).doesNotExist();
        assertThat(redis.toString()).contains("closed");
        assertThatThrownBy(redis::restart).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void close_isAGracefulShutdown() throws IOException {
        EmbeddedRedis redis = EmbeddedRedis.builder().dataDirectory(Files.createTempDirectory("redstream-embedded-it-"))
                .start();
        try {
            redis.close();

            // SIGTERM: redis runs its shutdown sequence and says so, rather than vanishing mid-write.
            assertThat(Files.readString(redis.logFile())).contains("Received SIGTERM").contains("ready to exit, bye bye");
        } finally {
            io.redstream.embedded.internal.Directories.deleteRecursively(redis.dataDirectory());
        }
    }

    @Test
    void stopThenRestart_withAof_keepsPortPasswordAndData() throws IOException {
        try (EmbeddedRedis redis = EmbeddedRedis.builder().appendOnly(true).start()) {
            int port = redis.port();
            long before = redis.pid();
            try (RespConnection client = authenticated(redis)) {
                assertThat(client.call("SET", "kept", "yes")).isEqualTo("OK");
            }

            redis.stop();
            assertThat(redis.isAlive()).isFalse();
            assertThat(redis.toString()).contains("not running");
            redis.restart();

            assertThat(redis.port()).isEqualTo(port);
            assertThat(redis.pid()).isNotEqualTo(before);
            try (RespConnection client = authenticated(redis)) {
                assertThat(client.call("GET", "kept")).isEqualTo("yes");
            }
        }
    }

    @Test
    void restart_afterRedisDiedOnItsOwn_bringsItBack() throws IOException {
        try (EmbeddedRedis redis = EmbeddedRedis.start()) {
            ProcessHandle.of(redis.pid()).orElseThrow().destroyForcibly();
            awaitNotAlive(redis);

            redis.restart();

            try (RespConnection client = authenticated(redis)) {
                assertThat(client.call("PING")).isEqualTo("PONG");
            }
        }
    }

    @Test
    void pid_isTheRealRedisServer_notItsWatchdog() {
        try (EmbeddedRedis redis = EmbeddedRedis.start()) {
            ProcessHandle process = ProcessHandle.of(redis.pid()).orElseThrow();

            assertThat(process.info().command()).hasValueSatisfying(c -> assertThat(c).contains("redis-server"));
            assertThat(process.parent().flatMap(p -> p.info().command()))
                    .as("its parent is the watchdog shell, a child of this JVM")
                    .hasValueSatisfying(c -> assertThat(c).endsWith("sh"));
            assertThat(process.parent().flatMap(ProcessHandle::parent).map(ProcessHandle::pid))
                    .contains(ProcessHandle.current().pid());
        }
    }

    @Test
    void start_badConfig_failsFastWithLogTailAndLeavesNothingBehind() {
        int before = ProcessRegistry.liveCount();

        assertThatThrownBy(() -> EmbeddedRedis.builder().config("no-such-directive 1").start())
                .isInstanceOf(RedisProcessException.class)
                .hasMessageContaining("exited with code")
                .hasMessageContaining("no-such-directive");

        assertThat(ProcessRegistry.liveCount()).isEqualTo(before);
    }

    @Test
    void start_failure_neverShowsThePassword() {
        assertThatThrownBy(() -> EmbeddedRedis.builder().password("hunter2-secret").config("no-such-directive 1").start())
                .isInstanceOf(RedisProcessException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2-secret"));
    }

    @Test
    void start_portTakenBeforeRedisBinds_retriesOnAnotherPort() throws IOException {
        try (ServerSocket squatter = bindLoopback()) {
            Deque<Integer> ports = new ArrayDeque<>();
            ports.add(squatter.getLocalPort());

            try (EmbeddedRedis redis = EmbeddedRedis.builder()
                    .freePorts(() -> ports.isEmpty() ? freePort() : ports.poll())
                    .start()) {
                assertThat(redis.port()).isNotEqualTo(squatter.getLocalPort());
                assertThat(Files.readString(redis.logFile())).containsPattern("Address (already )?in use");
                try (RespConnection client = authenticated(redis)) {
                    assertThat(client.call("PING")).isEqualTo("PONG");
                }
            }
        }
    }

    @Test
    void start_portTakenByAListener_neverSendsItThePassword() throws Exception {
        // A squatter that accepts and records whatever it is sent: the password must not be among it.
        try (ServerSocket squatter = bindLoopback()) {
            StringBuilder received = new StringBuilder();
            Thread listener = new Thread(() -> {
                try {
                    while (!squatter.isClosed()) {
                        try (var socket = squatter.accept()) {
                            socket.setSoTimeout(200);
                            byte[] buffer = new byte[4096];
                            int n;
                            try {
                                while ((n = socket.getInputStream().read(buffer)) > 0) {
                                    synchronized (received) {
                                        received.append(new String(buffer, 0, n, java.nio.charset.StandardCharsets.UTF_8));
                                    }
                                }
                            } catch (java.net.SocketTimeoutException e) {
                                // next connection
                            }
                        }
                    }
                } catch (IOException e) {
                    // closed
                }
            }, "squatter");
            listener.setDaemon(true);
            listener.start();
            Deque<Integer> ports = new ArrayDeque<>();
            ports.add(squatter.getLocalPort());

            try (EmbeddedRedis redis = EmbeddedRedis.builder().freePorts(() -> ports.isEmpty() ? freePort() : ports.poll())
                    .start()) {
                synchronized (received) {
                    assertThat(received.toString()).doesNotContain(redis.password().orElseThrow());
                }
            }
        }
    }

    @Test
    void start_fixedPortTaken_failsAfterRetriesNamingThePort() throws IOException {
        try (ServerSocket squatter = bindLoopback()) {
            int port = squatter.getLocalPort();

            assertThatThrownBy(() -> EmbeddedRedis.builder().port(port).start())
                    .isInstanceOf(RedisProcessException.class)
                    .hasMessageContaining("127.0.0.1:" + port)
                    .hasMessageContaining("attempt " + Launcher.START_ATTEMPTS + " of " + Launcher.START_ATTEMPTS)
                    .message().containsPattern("Address (already )?in use");
        }
    }

    @Test
    void start_fixedFreePort_usesIt() {
        int port = freePort();
        try (EmbeddedRedis redis = EmbeddedRedis.builder().port(port).start()) {
            assertThat(redis.port()).isEqualTo(port);
            assertThat(redis.address()).isEqualTo("127.0.0.1:" + port);
        }
    }

    @Test
    void close_keepsACallerProvidedDataDirectory(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data");
        try (EmbeddedRedis redis = EmbeddedRedis.builder().dataDirectory(data).appendOnly(true).password("pw").start();
                RespConnection client = authenticated(redis)) {
            assertThat(client.call("SET", "k", "v")).isEqualTo("OK");
        }

        assertThat(data.resolve("appendonlydir")).isDirectory();
        try (EmbeddedRedis second = EmbeddedRedis.builder().dataDirectory(data).appendOnly(true).password("pw").start();
                RespConnection client = authenticated(second)) {
            assertThat(client.call("GET", "k")).as("a new server over the same directory replays the AOF").isEqualTo("v");
        }
    }

    @Test
    void cluster_getsABusPortAndClusterMode() throws IOException {
        try (EmbeddedRedis node = EmbeddedRedis.builder().cluster(true).noPassword().start();
                RespConnection client = connect(node)) {
            assertThat(node.clusterBusPort()).isPositive().isNotEqualTo(node.port());
            assertThat((String) client.call("CLUSTER", "INFO")).contains("cluster_state:");
            assertThat(node.toString()).contains("cluster");
        }
    }

    @Test
    void tlsUri_withoutTls_isRefused() {
        try (EmbeddedRedis redis = EmbeddedRedis.start()) {
            assertThat(redis.tlsPort()).isZero();
            assertThatThrownBy(redis::tlsUri).isInstanceOf(IllegalStateException.class).hasMessageContaining("tls(");
        }
    }

    static RespConnection connect(EmbeddedRedis redis) throws IOException {
        return RespConnection.open(redis.host(), redis.port(), 5_000);
    }

    static RespConnection authenticated(EmbeddedRedis redis) throws IOException {
        RespConnection client = connect(redis);
        if (redis.password().isPresent()) {
            assertThat(client.call("AUTH", redis.password().get())).isEqualTo("OK");
        }
        return client;
    }

    private static void awaitNotAlive(EmbeddedRedis redis) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (redis.isAlive()) {
            assertThat(System.nanoTime() - deadline).as("redis still alive after 10 s").isNegative();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = bindLoopback()) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ServerSocket bindLoopback() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        return socket;
    }
}
