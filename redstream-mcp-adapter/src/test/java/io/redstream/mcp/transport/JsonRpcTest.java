package io.redstream.mcp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.modelcontextprotocol.spec.McpSchema;

class JsonRpcTest {

    private final JsonRpc rpc = new JsonRpc();

    private McpSchema.JSONRPCMessage parse(String s) throws JsonRpc.Refusal {
        return rpc.parse(s.getBytes(StandardCharsets.UTF_8));
    }

    private void refused(String s, int code, String message) {
        assertThatThrownBy(() -> parse(s)).isInstanceOf(JsonRpc.Refusal.class)
                .satisfies(e -> assertThat(((JsonRpc.Refusal) e).code()).isEqualTo(code))
                .hasMessageContaining(message);
    }

    @Test
    void parse_requestNotificationAndResponse() throws Exception {
        assertThat(parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                .isInstanceOfSatisfying(McpSchema.JSONRPCRequest.class, r -> assertThat(r.id()).isEqualTo(1));
        assertThat(parse("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"ping\"}"))
                .isInstanceOfSatisfying(McpSchema.JSONRPCRequest.class, r -> assertThat(r.id()).isEqualTo("a"));
        assertThat(parse("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"))
                .isInstanceOf(McpSchema.JSONRPCNotification.class);
        assertThat(parse("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}}")).isInstanceOf(McpSchema.JSONRPCResponse.class);
        assertThat(parse("   ")).isNull();
    }

    @Test
    void parse_strictJson() {
        refused("{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"ping\"}", -32700, "duplicate key 'id'");
        refused("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} {\"x\":1}", -32700, "content after the end");
        refused("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"", -32700, "not valid JSON");
        byte[] bad = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"p\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> rpc.parse(bad)).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void parse_shapeRules() {
        refused("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]", -32600, "batches are not supported");
        refused("\"hello\"", -32600, "must be a JSON object");
        refused("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}", -32600, "'id' must be a string or an integer");
        refused("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}", -32600, "'id' must be");
        refused("{\"id\":1,\"method\":\"ping\"}", -32600, "'jsonrpc' must be \"2.0\"");
        refused("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":3}", -32600, "'method' must be a string");
        refused("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":[1]}", -32602, "'params' must be an object");
        refused("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"arguments\":{}}}", -32602, "'name'");
        refused("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"t\",\"arguments\":[]}}",
                -32602, "'arguments' must be an object");
        refused("{\"jsonrpc\":\"2.0\",\"id\":9}", -32600, "not a request, notification or response");
    }

    @Test
    void parse_refusalKeepsTheIdWhenKnown() {
        assertThatThrownBy(() -> parse("{\"jsonrpc\":\"1.0\",\"id\":\"x7\",\"method\":\"ping\"}"))
                .satisfies(e -> assertThat(((JsonRpc.Refusal) e).id()).isEqualTo("x7"));
    }

    @Test
    void error_writesIdNullWhenUnknown() {
        assertThat(new String(rpc.error(null, -32700, "Parse error: x"), StandardCharsets.UTF_8))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error: x\"}}");
    }
}
