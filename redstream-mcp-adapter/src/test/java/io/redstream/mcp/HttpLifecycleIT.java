package io.redstream.mcp;

import static io.redstream.mcp.Calls.args;
import static io.redstream.mcp.Calls.call;
import static io.redstream.mcp.Calls.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.redstream.testkit.RedisServerExtension;
import io.redstream.testkit.RedisServerProcess;

/** How the HTTP server starts and stops: refusals of unsafe flag combinations, and SIGTERM draining calls. */
@ExtendWith(RedisServerExtension.class)
class HttpLifecycleIT {

    @Test
    void sigterm_finishesTheCallInFlight_andExitsZero(RedisServerProcess redis) throws Exception {
        try (HttpProcess server = HttpProcess.start(redis.uri(), List.of("--insecure-no-auth"))) {
            McpSyncClient client = server.client(null);
            ok(client, "stream_group_create", args("stream", "nova:task:life:h", "group", "g"));
            CompletableFuture<CallToolResult> waiting = CompletableFuture.supplyAsync(() -> call(client,
                    "stream_group_read", args("stream", "nova:task:life:h", "group", "g", "consumer", "c",
                            "block_ms", 2000)));
            Thread.sleep(500);
            server.process.signal("TERM");

            assertThat(waiting.get(20, TimeUnit.SECONDS).isError()).isFalse();
            assertThat(server.process.awaitExit()).isZero();
            assertThat(server.process.stderr()).contains("received SIGTERM");
        }
    }

    @Test
    void http_withoutAuthentication_orInsecureOnANonLoopbackBind_isRefused(RedisServerProcess redis)
            throws Exception {
        try (RawProcess p = new RawProcess(McpProcesses.jarCommand("--redis", redis.uri(), "--http", "0"), Map.of())) {
            assertThat(p.awaitExit()).isEqualTo(2);
            assertThat(p.stderr()).contains("--http needs authentication");
        }
        try (RawProcess p = new RawProcess(McpProcesses.jarCommand("--redis", redis.uri(), "--http", "0", "--bind",
                "0.0.0.0", "--insecure-no-auth"), Map.of())) {
            assertThat(p.awaitExit()).isEqualTo(2);
            assertThat(p.stderr()).contains("--insecure-no-auth is only allowed with a loopback --bind");
        }
        try (RawProcess p = new RawProcess(McpProcesses.jarCommand("--redis", redis.uri(), "--stateless"), Map.of())) {
            assertThat(p.awaitExit()).isEqualTo(2);
            assertThat(p.stderr()).contains("--stateless needs --http PORT");
        }
    }
}
