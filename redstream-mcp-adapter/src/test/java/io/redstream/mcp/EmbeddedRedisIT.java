package io.redstream.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** No --redis, REDIS_URL or --cluster: the jar starts its own Redis, says so, and stops it on exit. */
class EmbeddedRedisIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STARTED = Pattern.compile("embedded Redis started at redis://127\\.0\\.0\\.1:(\\d+) \\(pid (\\d+)\\)");

    @Test
    void noRedisGiven_startsEmbeddedRedis_servesTools_andStopsItWhenStdinCloses() throws Exception {
        try (RawProcess server = new RawProcess(McpProcesses.jarCommand(), Map.of())) {
            server.send(Wire.INITIALIZE);
            assertThat(JSON.readTree(server.receive()).at("/result/serverInfo/name").asText()).isEqualTo("redstream");
            server.send(Wire.INITIALIZED);
            server.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"redis_set\","
                    + "\"arguments\":{\"key\":\"nova:agent:e:k\",\"value\":\"v\"}}}");
            JsonNode set = JSON.readTree(server.receive());
            assertThat(set.at("/result/isError").asBoolean()).as(set.toString()).isFalse();
            server.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"redis_health\",\"arguments\":{}}}");
            JsonNode health = JSON.readTree(server.receive());
            assertThat(health.at("/result/structuredContent/status").asText()).isEqualTo("UP");
            assertThat(health.at("/result/structuredContent/embedded").asBoolean()).isTrue();

            Matcher m = STARTED.matcher(server.stderr());
            assertThat(m.find()).as(server.stderr()).isTrue();
            long redisPid = Long.parseLong(m.group(2));
            assertThat(ProcessHandle.of(redisPid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
            assertThat(server.stderr()).contains("serving 27 MCP tools on stdio over an embedded Redis")
                    .contains("Waiting for an MCP client on stdin; closing stdin (Ctrl-D) stops the server.");

            server.closeStdin();
            assertThat(server.awaitExit()).isZero();
            assertThat(server.stderr()).contains("embedded Redis stopped");
            ProcessHandle.of(redisPid).ifPresent(p -> {
                p.onExit().orTimeout(10, TimeUnit.SECONDS).join();
                assertThat(p.isAlive()).isFalse();
            });
            for (String line : server.remainingStdout()) {
                assertThat(JSON.readTree(line).get("jsonrpc").asText()).isEqualTo("2.0");
            }
        }
    }

    @Test
    void sigterm_stopsTheEmbeddedRedisToo() throws Exception {
        try (RawProcess server = new RawProcess(McpProcesses.jarCommand(), Map.of())) {
            long redisPid = -1;
            for (int i = 0; i < 100 && redisPid < 0; i++) {
                Matcher m = STARTED.matcher(server.stderr());
                if (m.find()) {
                    redisPid = Long.parseLong(m.group(2));
                } else {
                    Thread.sleep(100);
                }
            }
            assertThat(redisPid).as(server.stderr()).isPositive();
            ProcessHandle.of(server.pid()).orElseThrow().destroy(); // SIGTERM
            server.awaitExit();
            long pid = redisPid;
            ProcessHandle.of(pid).ifPresent(p -> {
                p.onExit().orTimeout(10, TimeUnit.SECONDS).join();
                assertThat(p.isAlive()).isFalse();
            });
        }
    }
}
