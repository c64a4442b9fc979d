package io.redstream.mcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.client.McpSyncClient;

/** The tool contract over stdio: the shaded jar, started by the MCP Java SDK's stdio client. */
class StdioToolContractIT extends ToolContract {

    @Override
    protected McpSyncClient connect(String redisUri, List<String> flags, List<String> stderr) {
        List<String> command = new ArrayList<>(McpProcesses.jarCommand("--redis", redisUri));
        command.addAll(flags);
        return McpProcesses.client(command, Map.of("REDSTREAM_TOKEN", ""), stderr);
    }
}
