package io.redstream.mcp;

import static io.redstream.mcp.RedisToolsContractIT.args;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.redstream.mcp.tools.ToolCatalog;
import io.redstream.testkit.RedisServerExtension;
import io.redstream.testkit.RedisServerProcess;

/** --read-only (here through its environment variable): filtered list, and hidden tools refused if called. */
@ExtendWith(RedisServerExtension.class)
class ReadOnlyServerIT {

    @Test
    void readOnly_listsOnlyReadOnlyTools_andRefusesOthersWithAccessDenied() {
        McpSyncClient client = McpProcesses.client(McpProcesses.testServerCommand(),
                Map.of("REDSTREAM_READ_ONLY", "true"), McpProcesses.newStderrSink());
        try {
            List<String> names = client.listTools().tools().stream().map(Tool::name).toList();
            assertThat(names).containsExactly("echo", "fail", "list_items", "bad_output", "noisy");

            CallToolResult refused = client.callTool(CallToolRequest.builder("counter_add").arguments(Map.of("delta", 1)).build());
            assertThat(refused.isError()).isTrue();
            assertThat(((TextContent) refused.content().get(0)).text())
                    .isEqualTo("ACCESS_DENIED: tool 'counter_add' is not available: the server runs with --read-only;"
                            + " available tools: echo, fail, list_items, bad_output, noisy");
            assertThat(client.callTool(CallToolRequest.builder("echo").arguments(Map.of("text", "ok")).build()).isError()).isFalse();
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void readOnly_realServer_keepsTheEightReadTools_andRefusesEveryOther(RedisServerProcess redis) {
        McpSyncClient client = McpProcesses.client(McpProcesses.jarCommand("--redis", redis.uri(), "--read-only"),
                Map.of("REDSTREAM_TOKEN", ""), McpProcesses.newStderrSink());
        try {
            assertThat(client.listTools().tools()).extracting(Tool::name)
                    .containsExactlyInAnyOrderElementsOf(ToolCatalog.READ_ONLY_TOOLS);
            Map<String, Map<String, Object>> writes = Map.of(
                    "redis_set", args("key", "nova:agent:a:b", "value", "v"),
                    "redis_del", args("keys", List.of("nova:agent:a:b")),
                    "redis_expire", args("key", "nova:agent:a:b", "ttl_seconds", 5),
                    "redis_publish", args("channel", "nova:agent:a:b", "message", "m"),
                    "redis_multi", args("operations", List.of(Map.of("op", "get", "key", "nova:agent:a:b"))),
                    "stream_publish", args("stream", "nova:task:a:b", "fields", Map.of("a", "b")),
                    "stream_group_create", args("stream", "nova:task:a:b", "group", "g"),
                    "stream_group_read", args("stream", "nova:task:a:b", "group", "g", "consumer", "c"),
                    "stream_ack", args("stream", "nova:task:a:b", "group", "g", "ids", List.of("1-0")),
                    "stream_claim", args("stream", "nova:task:a:b", "group", "g", "consumer", "c", "min_idle_ms", 0));
            for (Map.Entry<String, Map<String, Object>> w : writes.entrySet()) {
                assertThat(Calls.error(client, w.getKey(), w.getValue(), "ACCESS_DENIED")).contains("--read-only");
            }
            Calls.ok(client, "redis_get", args("key", "nova:agent:a:b"));
            Calls.ok(client, "stream_read", args("stream", "nova:task:a:b"));
        } finally {
            client.closeGracefully();
        }
        try (var j = redis.connect()) {
            assertThat(j.exists("nova:task:a:b")).isFalse();
        }
    }
}
