package io.redstream.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.redstream.testkit.RedisServerExtension;
import io.redstream.testkit.RedisServerProcess;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The server as a participant: while it runs it is a live agent {@code mcp-<host>-<pid>}, and it appends
 * {@code started} and {@code stopped} to {@code nova:system:mcp:events} — over stdio and over HTTP.
 */
@ExtendWith(RedisServerExtension.class)
class ParticipantIT {

    static final String EVENTS = "nova:system:mcp:events";

    private RedisServerProcess redis;

    @BeforeEach
    void clean(RedisServerProcess shared) {
        redis = shared;
        redis.flushAll();
    }

    @Test
    void stdioServer_heartbeatsWhileItRuns_andAnnouncesStartAndStop() throws Exception {
        long pid;
        try (RawProcess server = new RawProcess(McpProcesses.jarCommand("--redis", redis.uri()), Map.of())) {
            Wire.initialize(server);
            pid = server.pid();
            String presence = awaitPresence(pid);
            try (Jedis j = redis.connect()) {
                assertThat(j.ttl(presence)).isBetween(1L, 30L);
                assertThat(j.get(presence)).contains("\"status\":\"serving\"").contains("\"transport\":\"stdio\"");
            }
            assertThat(events()).singleElement().satisfies(e -> assertThat(e.getFields())
                    .containsEntry("event", "started").containsEntry("pid", Long.toString(pid))
                    .containsEntry("transport", "stdio"));
            server.closeStdin();
            assertThat(server.awaitExit()).isZero();
        }
        assertThat(events()).extracting(e -> e.getFields().get("event")).containsExactly("started", "stopped");
        try (Jedis j = redis.connect()) {
            assertThat(j.keys("nova:agent:mcp-*-" + pid + ":presence")).isEmpty();
        }
    }

    @Test
    void httpServer_isAParticipantToo_untilSigterm() throws Exception {
        long pid;
        try (HttpProcess server = HttpProcess.start(redis.uri(), List.of("--insecure-no-auth"))) {
            pid = server.process.pid();
            String presence = awaitPresence(pid);
            try (Jedis j = redis.connect()) {
                assertThat(j.get(presence)).contains("\"transport\":\"http\"");
            }
            server.process.signal("TERM");
            assertThat(server.process.awaitExit()).isZero();
        }
        assertThat(events()).extracting(e -> e.getFields().get("event")).containsExactly("started", "stopped");
    }

    private String awaitPresence(long pid) throws InterruptedException {
        String[] found = new String[1];
        await(() -> {
            try (Jedis j = redis.connect()) {
                found[0] = j.keys("nova:agent:mcp-*-" + pid + ":presence").stream().findFirst().orElse(null);
                return found[0] != null;
            }
        });
        assertThat(found[0]).matches(ServerKeys.OWN);
        return found[0];
    }

    private List<StreamEntry> events() {
        try (Jedis j = redis.connect()) {
            return j.xrange(EVENTS, (StreamEntryID) null, (StreamEntryID) null);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s");
            }
            Thread.sleep(50);
        }
    }
}
