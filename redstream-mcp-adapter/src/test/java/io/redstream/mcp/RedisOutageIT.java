package io.redstream.mcp;

import static io.redstream.mcp.Calls.call;
import static io.redstream.mcp.Calls.error;
import static io.redstream.mcp.Calls.ok;
import static io.redstream.mcp.Calls.args;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.redstream.testkit.RedisServerProcess;

/** Redis goes away (between calls and in the middle of one) and comes back: the server keeps serving. */
class RedisOutageIT {

    @Test
    void redisKilled_callsAreUnavailable_healthIsDown_andServingResumesWhenRedisIsBack() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.builder().appendOnly(true).start()) {
            McpSyncClient c = McpProcesses.client(McpProcesses.jarCommand("--redis", redis.uri()),
                    Map.of("REDSTREAM_TOKEN", ""), McpProcesses.newStderrSink());
            try {
                ok(c, "redis_set", args("key", "nova:agent:a:k", "value", "before"));
                ok(c, "stream_group_create", args("stream", "nova:task:a:s", "group", "g"));

                // in the middle of a call: a blocking group read loses its connection
                CompletableFuture<CallToolResult> blocked = CompletableFuture.supplyAsync(() -> call(c,
                        "stream_group_read", args("stream", "nova:task:a:s", "group", "g", "consumer", "c",
                                "block_ms", 20_000)));
                Thread.sleep(500);
                redis.kill();
                CallToolResult midCall = blocked.get(30, TimeUnit.SECONDS);
                assertThat(midCall.isError()).isTrue();
                assertThat(Calls.text(midCall)).startsWith("UNAVAILABLE: ").contains("retry");

                // between calls
                assertThat(error(c, "redis_get", args("key", "nova:agent:a:k"), "UNAVAILABLE"))
                        .contains("the server keeps running");
                error(c, "stream_publish", args("stream", "nova:task:a:s", "fields", Map.of("a", "b")), "UNAVAILABLE");
                Map<String, Object> down = ok(c, "redis_health", Map.of());
                assertThat(down).containsEntry("status", "DOWN").containsEntry("latency_ms", null).containsKey("error");
                // argument errors still come first and need no Redis
                error(c, "redis_get", Map.of(), "INVALID_ARGUMENT");

                redis.restart();
                Map<String, Object> back = null;
                for (int i = 0; i < 50; i++) {
                    CallToolResult r = call(c, "redis_get", args("key", "nova:agent:a:k"));
                    if (!r.isError()) {
                        back = Calls.map(r.structuredContent());
                        break;
                    }
                    Thread.sleep(100);
                }
                assertThat(back).as("serving resumed").isNotNull().containsEntry("value", "before");
                assertThat(ok(c, "redis_health", Map.of())).containsEntry("status", "UP");
                ok(c, "stream_publish", args("stream", "nova:task:a:s", "fields", Map.of("after", "restart")));
                assertThat(Calls.list(ok(c, "stream_group_read", args("stream", "nova:task:a:s",
                        "group", "g", "consumer", "c")).get("entries"))).hasSize(1);
            } finally {
                c.closeGracefully();
            }
        }
    }

    @Test
    void redisNotThereAtStartup_theServerStartsAnyway_andCallsAreUnavailable() throws Exception {
        int port;
        try (RedisServerProcess gone = RedisServerProcess.start()) {
            port = gone.port();
        }
        McpSyncClient c = McpProcesses.client(McpProcesses.jarCommand("--redis", "redis://127.0.0.1:" + port),
                Map.of("REDSTREAM_TOKEN", ""), McpProcesses.newStderrSink());
        try {
            assertThat(c.listTools().tools()).hasSize(ContractTools.ALL.size());
            error(c, "redis_get", args("key", "nova:agent:a:k"), "UNAVAILABLE");
            assertThat(ok(c, "redis_health", Map.of())).containsEntry("status", "DOWN");
            error(c, "redis_keys", args("count", 10), "UNAVAILABLE");
        } finally {
            c.closeGracefully();
        }
    }
}
