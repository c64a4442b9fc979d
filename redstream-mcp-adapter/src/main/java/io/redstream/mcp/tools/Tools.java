package io.redstream.mcp.tools;

import java.util.ArrayList;
import java.util.List;

import io.redstream.mcp.tool.ToolDefinition;

/** Every tool of the RedStream MCP server, in the order {@code tools/list} shows them. */
public final class Tools {

    private Tools() {
    }

    public static List<ToolDefinition<?, ?>> all(RedisSite site) {
        List<ToolDefinition<?, ?>> tools = new ArrayList<>();
        tools.addAll(KeyTools.all());
        tools.addAll(PubSubTools.all());
        tools.add(MultiTool.tool());
        tools.add(StreamTools.publish());
        tools.add(StreamTools.read());
        tools.addAll(GroupTools.all());
        tools.add(StreamTools.info());
        tools.add(StreamTools.list());
        tools.add(HealthTool.tool(site));
        tools.addAll(TaskTools.all());
        tools.addAll(LockTools.all());
        tools.addAll(PresenceTools.all());
        return List.copyOf(tools);
    }
}
