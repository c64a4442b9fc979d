package io.redstream.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;

/** The tool framework end to end: MCP Java SDK client -> stdio subprocess -> test tools. */
class StdioToolServerIT {

    private static final List<String> stderr = McpProcesses.newStderrSink();
    private static McpSyncClient client;

    @BeforeAll
    static void start() {
        client = McpProcesses.client(McpProcesses.testServerCommand("--max-count", "50"), Map.of(), stderr);
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.closeGracefully();
        }
    }

    private static CallToolResult call(String tool, Map<String, Object> args) {
        return client.callTool(CallToolRequest.builder(tool).arguments(args).build());
    }

    private static String text(CallToolResult result) {
        return ((TextContent) result.content().get(0)).text();
    }

    @Test
    void initialize_reportsServerInfoAndToolsCapability() {
        assertThat(client.getServerInfo().name()).isEqualTo("redstream");
        assertThat(client.getServerCapabilities().tools()).isNotNull();
        assertThat(client.getServerInstructions()).contains("INVALID_ARGUMENT");
    }

    @Test
    void listTools_showsSchemasAndAnnotations() {
        List<Tool> tools = client.listTools().tools();

        assertThat(tools).extracting(Tool::name)
                .containsExactly("echo", "counter_add", "fail", "list_items", "bad_output", "noisy");
        Tool echo = tools.get(0);
        assertThat(echo.title()).isEqualTo("Echo");
        assertThat(echo.description()).startsWith("Test tool");
        assertThat(echo.inputSchema()).containsEntry("type", "object").containsEntry("required", List.of("text"))
                .containsEntry("additionalProperties", false);
        assertThat(echo.inputSchema().get("properties")).asString().contains("repeat").contains("maximum=50");
        assertThat(echo.outputSchema()).containsEntry("type", "object");
        assertThat(echo.annotations().readOnlyHint()).isTrue();
        assertThat(echo.annotations().destructiveHint()).isFalse();
        assertThat(echo.annotations().idempotentHint()).isTrue();
        assertThat(echo.annotations().openWorldHint()).isFalse();
        Tool counter = tools.get(1);
        assertThat(counter.annotations().readOnlyHint()).isFalse();
        assertThat(counter.annotations().idempotentHint()).isFalse();
    }

    @Test
    void callTool_success_returnsStructuredContentAndJsonText() {
        CallToolResult result = call("echo", Map.of("text", "hi", "repeat", 2, "upper", true));

        assertThat(result.isError()).isFalse();
        assertThat(result.structuredContent()).isEqualTo(Map.of("text", "HIHI", "length", 4));
        assertThat(text(result)).contains("\"text\":\"HIHI\"");
    }

    @Test
    void callTool_validationErrors_areCodedToolResults() {
        assertThat(text(call("echo", Map.of()))).isEqualTo("INVALID_ARGUMENT: missing required argument 'text' (a non-empty string)");
        assertThat(text(call("echo", Map.of("text", "a", "repeat", 0))))
                .isEqualTo("INVALID_ARGUMENT: argument 'repeat' must be an integer between 1 and 50, but was 0");
        assertThat(text(call("echo", Map.of("text", "a", "repeat", 51))))
                .isEqualTo("LIMIT_EXCEEDED: argument 'repeat' must be an integer between 1 and 50, but was 51 (server limit, set by --max-count)");
        assertThat(text(call("echo", Map.of("text", "a", "colour", "red"))))
                .isEqualTo("INVALID_ARGUMENT: unknown argument 'colour' (accepted: text, repeat, upper)");
        assertThat(text(call("echo", Map.of("text", 42))))
                .isEqualTo("INVALID_ARGUMENT: argument 'text' must be a non-empty string, but was 42");
        CallToolResult error = call("echo", Map.of());
        assertThat(error.isError()).isTrue();
        assertThat(error.structuredContent()).isNull();
    }

    @Test
    void callTool_handlerErrors_areCoded_andCrashesNeverLeakDetails() {
        assertThat(text(call("fail", Map.of("code", "CONFLICT")))).isEqualTo("CONFLICT: failed as requested");
        CallToolResult crash = call("fail", Map.of("code", "crash"));
        assertThat(crash.isError()).isTrue();
        assertThat(text(crash)).isEqualTo("UNAVAILABLE: internal error (see server log)");
        assertThat(call("bad_output", Map.of()).isError()).isTrue();
        assertThat(stderr).anyMatch(line -> line.contains("boom: redis://***@db:6379")).noneMatch(line -> line.contains("hunter2"));
    }

    @Test
    void callTool_writeTool_works_whenNotReadOnly() {
        CallToolResult result = call("counter_add", Map.of("delta", 5));

        assertThat(result.isError()).isFalse();
        assertThat(result.structuredContent()).asString().startsWith("{value=");
    }

    @Test
    void callTool_strayStdoutPrint_goesToStderr_andTheSessionSurvives() {
        assertThat(call("noisy", Map.of()).isError()).isFalse();
        assertThat(call("echo", Map.of("text", "still alive")).isError()).isFalse();
        assertThat(stderr).contains("stray output from a tool");
    }
}
