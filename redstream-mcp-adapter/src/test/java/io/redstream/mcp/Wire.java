package io.redstream.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON-RPC lines as a client writes them, and the checks of what comes back, for raw-wire tests. */
final class Wire {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":\"init\",\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
    static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    private Wire() {
    }

    static String call(Object id, String tool, String argumentsJson) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + JSON.valueToTree(id) + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
                + tool + "\",\"arguments\":" + argumentsJson + "}}";
    }

    static String cancel(Object id) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":"
                + JSON.valueToTree(id) + ",\"reason\":\"test\"}}";
    }

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON on stdout: " + line, e);
        }
    }

    /** Initializes a raw session. */
    static void initialize(RawProcess server) throws Exception {
        server.send(INITIALIZE);
        assertThat(parse(server.receive()).at("/result/serverInfo/name").asText()).isEqualTo("redstream");
        server.send(INITIALIZED);
    }

    /** The reply with {@code id}, skipping other lines (which are returned through nothing: tests use ids). */
    static JsonNode reply(RawProcess server, Object id) throws InterruptedException {
        while (true) {
            JsonNode n = parse(server.receive());
            if (n.has("id") && n.get("id").equals(JSON.valueToTree(id))) {
                return n;
            }
        }
    }

    /** A JSON-RPC error reply: its code and a message that shows no Java internals. */
    static int errorCode(JsonNode reply) {
        assertThat(reply.has("error")).as(reply.toString()).isTrue();
        String message = reply.at("/error/message").asText();
        assertThat(message).doesNotContain("java.").doesNotContain("Exception").doesNotContain("com.fasterxml")
                .doesNotContain("\tat ");
        return reply.at("/error/code").asInt();
    }

    /** The text of a tool result. */
    static String toolText(JsonNode reply) {
        return reply.at("/result/content/0/text").asText();
    }
}
