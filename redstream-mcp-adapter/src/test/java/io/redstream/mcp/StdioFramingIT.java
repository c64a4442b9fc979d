package io.redstream.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a real client sees on the wire: only JSON-RPC on stdout, bad lines answered, exit on EOF. */
class StdioFramingIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
    static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    @Test
    void badLines_areAnsweredWithJsonRpcErrors_theSessionSurvives_andEofEndsTheProcess() throws Exception {
        try (RawProcess server = new RawProcess(McpProcesses.testServerCommand(), Map.of())) {
            server.send("definitely not json");
            JsonNode parseError = JSON.readTree(server.receive());
            assertThat(parseError.at("/error/code").asInt()).isEqualTo(-32700);
            assertThat(parseError.get("id").isNull()).isTrue();

            server.send(INITIALIZE);
            JsonNode init = JSON.readTree(server.receive());
            assertThat(init.at("/result/serverInfo/name").asText()).isEqualTo("redstream");
            server.send(INITIALIZED);

            server.send("{\"id\":5,\"hello\":true}");
            assertThat(JSON.readTree(server.receive()).at("/error/code").asInt()).isEqualTo(-32600);

            server.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"noisy\",\"arguments\":{}}}");
            JsonNode noisy = JSON.readTree(server.receive());
            assertThat(noisy.get("id").asInt()).isEqualTo(2);
            assertThat(noisy.at("/result/structuredContent/printed").asBoolean()).isTrue();

            server.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"nope\",\"arguments\":{}}}");
            JsonNode unknown = JSON.readTree(server.receive());
            assertThat(unknown.at("/error/code").asInt()).isEqualTo(-32602);

            server.closeStdin();
            assertThat(server.awaitExit()).isZero();
            for (String line : server.remainingStdout()) {
                assertThat(JSON.readTree(line).get("jsonrpc").asText()).as(line).isEqualTo("2.0");
            }
            assertThat(server.stderr()).contains("stray output from a tool").contains("stdin closed");
        }
    }
}
