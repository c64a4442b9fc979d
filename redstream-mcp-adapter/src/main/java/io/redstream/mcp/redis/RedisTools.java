package io.redstream.mcp.redis;

import java.util.ArrayList;
import java.util.List;

import io.redstream.mcp.tools.ToolSpec;

/** The 18 tools of the MCP contract (DESIGN §4), in the order {@code tools/list} shows them. */
final class RedisTools {

    private RedisTools() {
    }

    static List<ToolSpec> all(ToolKit kit) {
        List<ToolSpec> tools = new ArrayList<>(18);
        tools.addAll(KeyTools.all(kit));
        tools.addAll(PubSubTools.all(kit));
        tools.add(MultiTool.spec(kit));
        tools.add(StreamTools.publish(kit));
        tools.add(StreamTools.read(kit));
        tools.addAll(GroupTools.all(kit));
        tools.add(StreamTools.info(kit));
        tools.add(StreamTools.list(kit));
        tools.add(HealthTool.spec(kit));
        return List.copyOf(tools);
    }
}
