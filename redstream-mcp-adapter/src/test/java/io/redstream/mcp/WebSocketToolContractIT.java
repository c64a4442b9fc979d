package io.redstream.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.modelcontextprotocol.client.McpSyncClient;

/** The tool contract over WebSocket ({@code /ws}, subprotocol {@code mcp}), driven by the SDK's client. */
class WebSocketToolContractIT extends ToolContract {

    private HttpProcess server;

    static McpSyncClient client(HttpProcess server, String token) {
        URI ws = URI.create(server.base.replace("http://", "ws://") + "/ws");
        return McpProcesses.initialized(new WebSocketClientTransport(ws, token));
    }

    @Override
    protected McpSyncClient connect(String redisUri, List<String> flags, List<String> stderr) {
        List<String> all = new ArrayList<>(flags);
        all.add("--insecure-no-auth");
        server = HttpProcess.startUnchecked(redisUri, all);
        return client(server, null);
    }

    @AfterAll
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Override
    @Test
    void serverLog_isOnStderr_andSaysWhichRedis() {
        assertThat(server.process.stderr()).contains("serving 27 MCP tools over Streamable HTTP at http://127.0.0.1:")
                .contains("over Redis at").doesNotContain("embedded Redis");
    }
}
