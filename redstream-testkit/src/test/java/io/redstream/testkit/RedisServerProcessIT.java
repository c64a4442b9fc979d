package io.redstream.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redstream.embedded.AppendFsync;
import io.redstream.embedded.RedisProcessException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

class RedisServerProcessIT {

    @Test
    void start_answersPingOnAFreeLoopbackPort() {
        try (RedisServerProcess redis = RedisServerProcess.start(); Jedis jedis = redis.connect()) {
            assertThat(jedis.ping()).isEqualTo("PONG");
            assertThat(redis.host()).isEqualTo("127.0.0.1");
            assertThat(redis.uri()).isEqualTo("redis://127.0.0.1:" + redis.port());
            assertThat(redis.isAlive()).isTrue();
            assertThat(jedis.info("server")).contains("redis_version:7.0.15").contains("process_id:" + redis.pid());
            assertThat(jedis.configGet("bind")).containsEntry("bind", "127.0.0.1");
            assertThat(jedis.configGet("protected-mode")).containsEntry("protected-mode", "yes");
        }
    }

    @Test
    void start_twice_givesDifferentPortsAndProcesses() {
        try (RedisServerProcess a = RedisServerProcess.start(); RedisServerProcess b = RedisServerProcess.start()) {
            assertThat(a.port()).isNotEqualTo(b.port());
            assertThat(a.pid()).isNotEqualTo(b.pid());
            assertThat(a.dataDirectory()).isNotEqualTo(b.dataDirectory());
        }
    }

    @Test
    void start_hasNoPasswordByDefault_soAnyClientMayConnect() {
        try (RedisServerProcess redis = RedisServerProcess.start(); Jedis anonymous = new Jedis("127.0.0.1", redis.port())) {
            assertThat(anonymous.ping()).isEqualTo("PONG");
            assertThat(redis.password()).isEmpty();
            assertThat(redis.embedded().uri()).isEqualTo(redis.uri());
        }
    }

    @Test
    void killThenRestart_withFsyncAlways_keepsAcknowledgedWrites() {
        try (RedisServerProcess redis = RedisServerProcess.builder().appendOnly(true).appendFsync(AppendFsync.ALWAYS).start()) {
            int port = redis.port();
            long firstPid = redis.pid();
            try (Jedis jedis = redis.connect()) {
                jedis.set("survivor", "value-1");
            }

            redis.kill();

            assertThat(redis.isAlive()).isFalse();
            assertThat(ProcessHandle.of(firstPid).filter(ProcessHandle::isAlive)).isEmpty();
            assertThatThrownBy(() -> {
                try (Jedis jedis = new Jedis("127.0.0.1", port)) {
                    jedis.ping();
                }
            }).isInstanceOf(JedisConnectionException.class);

            redis.restart();

            assertThat(redis.port()).isEqualTo(port);
            assertThat(redis.pid()).isNotEqualTo(firstPid);
            try (Jedis jedis = redis.connect()) {
                assertThat(jedis.get("survivor")).isEqualTo("value-1");
            }
        }
    }

    @Test
    void stopThenRestart_withFsyncEverysec_keepsWritesBecauseStopIsGraceful() {
        try (RedisServerProcess redis = RedisServerProcess.builder().appendOnly(true).start()) {
            try (Jedis jedis = redis.connect()) {
                jedis.set("graceful", "kept");
            }

            redis.stop();
            assertThat(redis.isAlive()).isFalse();
            redis.restart();

            try (Jedis jedis = redis.connect()) {
                assertThat(jedis.get("graceful")).isEqualTo("kept");
            }
        }
    }

    @Test
    void restart_whileRunning_replacesTheProcess() {
        try (RedisServerProcess redis = RedisServerProcess.start()) {
            long before = redis.pid();

            redis.restart();

            assertThat(redis.pid()).isNotEqualTo(before);
            assertThat(ProcessHandle.of(before).filter(ProcessHandle::isAlive)).isEmpty();
            try (Jedis jedis = redis.connect()) {
                assertThat(jedis.ping()).isEqualTo("PONG");
            }
        }
    }

    @Test
    void close_isIdempotentAndDeletesOwnTempDirectory() {
        RedisServerProcess redis = RedisServerProcess.start();
        Path dir = redis.dataDirectory();
        long pid = redis.pid();
        assertThat(dir.resolve("redis.conf")).exists();

        redis.close();
        redis.close();

        assertThat(redis.isClosed()).isTrue();
        assertThat(redis.isAlive()).isFalse();
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(dir).doesNotExist();
        assertThatThrownBy(redis::restart).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void close_keepsACallerProvidedDataDirectory(@TempDir Path dir) {
        Path data = dir.resolve("data");
        try (RedisServerProcess redis = RedisServerProcess.builder().dataDirectory(data).appendOnly(true).start()) {
            try (Jedis jedis = redis.connect()) {
                jedis.set("k", "v");
            }
        }

        assertThat(data.resolve("appendonlydir")).isDirectory();
        try (RedisServerProcess second = RedisServerProcess.builder().dataDirectory(data).appendOnly(true).start();
                Jedis jedis = second.connect()) {
            assertThat(jedis.get("k")).as("a new server over the same directory replays the AOF").isEqualTo("v");
        }
    }

    @Test
    void password_rejectsUnauthenticatedClients() {
        try (RedisServerProcess redis = RedisServerProcess.builder().password("p@ss word").start()) {
            assertThatThrownBy(() -> {
                try (Jedis anonymous = new Jedis("127.0.0.1", redis.port())) {
                    anonymous.get("x");
                }
            }).isInstanceOf(JedisDataException.class).hasMessageContaining("NOAUTH");
            try (Jedis jedis = redis.connect()) {
                assertThat(jedis.ping()).isEqualTo("PONG");
            }
            assertThat(redis.password()).contains("p@ss word");
            assertThat(redis.toString()).doesNotContain("p@ss");
        }
    }

    @Test
    void config_extraLine_isApplied() {
        try (RedisServerProcess redis = RedisServerProcess.builder().config("maxmemory 10mb").start();
                Jedis jedis = redis.connect()) {
            assertThat(jedis.configGet("maxmemory")).containsEntry("maxmemory", String.valueOf(10 * 1024 * 1024));
        }
    }

    @Test
    void flushAll_deletesEveryKey() {
        try (RedisServerProcess redis = RedisServerProcess.start(); Jedis jedis = redis.connect()) {
            jedis.set("a", "1");
            jedis.select(3);
            jedis.set("b", "2");

            redis.flushAll();

            assertThat(jedis.dbSize()).isZero();
            jedis.select(0);
            assertThat(jedis.dbSize()).isZero();
        }
    }

    @Test
    void start_badConfig_failsWithTheEmbeddedRuntimesError() {
        assertThatThrownBy(() -> RedisServerProcess.builder().config("no-such-directive 1").start())
                .isInstanceOf(RedisProcessException.class)
                .hasMessageContaining("exited with code")
                .hasMessageContaining("no-such-directive");
    }

    @Test
    void start_fixedFreePort_usesIt() throws IOException {
        int port;
        try (ServerSocket probe = bindLoopback()) {
            port = probe.getLocalPort();
        }
        try (RedisServerProcess redis = RedisServerProcess.builder().port(port).start()) {
            assertThat(redis.port()).isEqualTo(port);
            assertThat(redis.address()).isEqualTo("127.0.0.1:" + port);
        }
    }

    private static ServerSocket bindLoopback() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        return socket;
    }
}
