package io.redstream.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.modelcontextprotocol.client.McpSyncClient;

/** The tool contract over Streamable HTTP: the shaded jar on {@code --http 0}, driven by the SDK's HTTP client. */
class HttpToolContractIT extends ToolContract {

    private HttpProcess server;

    @Override
    protected McpSyncClient connect(String redisUri, List<String> flags, List<String> stderr) {
        List<String> all = new ArrayList<>(flags);
        all.add("--insecure-no-auth");
        server = HttpProcess.startUnchecked(redisUri, all);
        return server.client(null);
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
                .contains("over Redis at").contains("--insecure-no-auth").doesNotContain("embedded Redis");
    }
}
