package io.redstream.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;

/** Tool calls through the MCP Java SDK client, with the checks every call needs. */
public final class Calls {

    private Calls() {
    }

    public static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> args) {
        return client.callTool(CallToolRequest.builder(tool).arguments(args).build());
    }

    /** A successful call's structured content (the client already checked it against the output schema). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> ok(McpSyncClient client, String tool, Map<String, Object> args) {
        CallToolResult r = call(client, tool, args);
        assertThat(r.isError()).as(tool + " " + args + " -> " + text(r)).isFalse();
        assertThat(r.structuredContent()).as(tool).isInstanceOf(Map.class);
        return (Map<String, Object>) r.structuredContent();
    }

    /** A failed call's text, which must start with {@code code:}. */
    public static String error(McpSyncClient client, String tool, Map<String, Object> args, String code) {
        CallToolResult r = call(client, tool, args);
        assertThat(r.isError()).as(tool + " " + args + " should fail, got " + text(r)).isTrue();
        assertThat(r.structuredContent()).isNull();
        assertThat(text(r)).as(tool + " " + args).startsWith(code + ": ");
        assertThat(text(r)).doesNotContain("\tat ").doesNotContain("Exception");
        return text(r);
    }

    public static String text(CallToolResult result) {
        return ((TextContent) result.content().get(0)).text();
    }

    /** {@code args("key", "a", "count", 2)}: a map in argument order. */
    public static Map<String, Object> args(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<String> stringList(Object value) {
        return (List<String>) value;
    }
}
