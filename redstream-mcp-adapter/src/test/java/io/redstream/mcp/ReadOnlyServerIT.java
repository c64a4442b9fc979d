package io.redstream.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;

/** --read-only (here through its environment variable): filtered list, and hidden tools refused if called. */
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
}
