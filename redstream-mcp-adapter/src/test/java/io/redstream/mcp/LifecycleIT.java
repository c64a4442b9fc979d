package io.redstream.mcp;

import static io.redstream.mcp.Wire.call;
import static io.redstream.mcp.Wire.reply;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.redstream.testkit.RedisServerExtension;
import io.redstream.testkit.RedisServerProcess;

/**
 * How the server process starts and stops, as a person and an MCP client see it: what it says on stderr, signals
 * that drain calls in flight, and an embedded Redis that never outlives the server, not even a {@code kill -9}.
 */
@ExtendWith(RedisServerExtension.class)
class LifecycleIT {

    private static final Pattern STARTED =
            Pattern.compile("embedded Redis started at redis://127\\.0\\.0\\.1:(\\d+) \\(pid (\\d+)\\)");

    @Test
    void sigterm_stopsReading_finishesTheCallInFlight_andExitsZero(RedisServerProcess redis) throws Exception {
        try (RawProcess server = new RawProcess(McpProcesses.jarCommand("--redis", redis.uri()), Map.of())) {
            Wire.initialize(server);
            server.send(call("g", "stream_group_create", "{\"stream\":\"nova:task:life:q\",\"group\":\"g\"}"));
            reply(server, "g");
            server.send(call("w", "stream_group_read",
                    "{\"stream\":\"nova:task:life:q\",\"group\":\"g\",\"consumer\":\"c\",\"block_ms\":2000}"));
            Thread.sleep(300);
            server.signal("TERM");
            assertThat(reply(server, "w").at("/result/isError").asBoolean()).isFalse();
            assertThat(server.awaitExit()).isZero();
            assertThat(server.stderr()).contains("received SIGTERM").doesNotContain("stdin closed");
        }
    }

    @Test
    void ctrlC_isReportedAsASignal_notAsTheEndOfInput(RedisServerProcess redis) throws Exception {
        try (RawProcess server = new RawProcess(McpProcesses.jarCommand("--redis", redis.uri()), Map.of())) {
            Wire.initialize(server);
            server.signal("INT");
            assertThat(server.awaitExit()).isZero();
            assertThat(server.stderr()).contains("received SIGINT").doesNotContain("stdin closed");
        }
    }

    @Test
    void start_saysWhatItServes_andThatItWaitsOnStdin(RedisServerProcess redis) throws Exception {
        try (RawProcess server = new RawProcess(McpProcesses.jarCommand("--redis", redis.uri(), "--toolsets",
                "state"), Map.of())) {
            Wire.initialize(server);
            server.closeStdin();
            assertThat(server.awaitExit()).isZero();
            assertThat(server.stderr())
                    .contains("serving 6 MCP tools on stdio over Redis at redis://127.0.0.1:" + redis.port())
                    .contains("Waiting for an MCP client on stdin; closing stdin (Ctrl-D) stops the server.")
                    .contains("stdin closed; stopping")
                    // Jedis's RESP3 negotiation is configured, so it never warns
                    .doesNotContain("RESP3").doesNotContain("WARN");
        }
    }

    @Test
    void kill9_ofTheServer_leavesNoEmbeddedRedisBehind() throws Exception {
        try (RawProcess server = new RawProcess(McpProcesses.jarCommand(), Map.of())) {
            Wire.initialize(server);
            server.send(call(1, "redis_health", "{}"));
            assertThat(reply(server, 1).at("/result/structuredContent/status").asText()).isEqualTo("UP");
            Matcher m = STARTED.matcher(server.stderr());
            assertThat(m.find()).as(server.stderr()).isTrue();
            long redisPid = Long.parseLong(m.group(2));
            ProcessHandle redisProcess = ProcessHandle.of(redisPid).orElseThrow();
            assertThat(redisProcess.info().command().orElse("")).contains("redis-server");

            server.signal("KILL");
            server.awaitExit();
            redisProcess.onExit().get(15, TimeUnit.SECONDS);
            assertThat(redisProcess.isAlive()).isFalse();
        }
    }

    @Test
    void embeddedRedis_hasAPassword_soNobodyElseCanUseIt() throws Exception {
        try (RawProcess server = new RawProcess(McpProcesses.jarCommand(), Map.of())) {
            Wire.initialize(server);
            server.send(call(1, "redis_set", "{\"key\":\"nova:agent:a:k\",\"value\":\"v\"}"));
            reply(server, 1);
            Matcher m = STARTED.matcher(server.stderr());
            assertThat(m.find()).isTrue();
            int port = Integer.parseInt(m.group(1));
            try (var probe = new java.net.Socket("127.0.0.1", port)) {
                probe.getOutputStream().write("GET nova:agent:a:k\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String answer = new java.io.BufferedReader(new java.io.InputStreamReader(probe.getInputStream(),
                        java.nio.charset.StandardCharsets.US_ASCII)).readLine();
                assertThat(answer).startsWith("-NOAUTH");
            }
            assertThat(server.stderr()).doesNotContainPattern("redis://:[^*@]+@");
            for (String line : List.of(server.stderr().split("\n"))) {
                assertThat(line).doesNotContain("requirepass");
            }
        }
    }
}
