package io.redstream.mcp.tools;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.redstream.core.presence.AgentPresence;
import io.redstream.core.presence.Presence;
import io.redstream.mcp.tool.Default;
import io.redstream.mcp.tool.Doc;
import io.redstream.mcp.tool.Limit;
import io.redstream.mcp.tool.Range;
import io.redstream.mcp.tool.ToolDefinition;
import io.redstream.mcp.tool.ToolHints;
import io.redstream.mcp.tool.Toolset;

/**
 * Presence: {@code agent_heartbeat}, {@code agent_list}. Each is one call of core's {@link Presence} on the
 * caller's guarded view.
 */
final class PresenceTools {

    static final String STATUS = "[A-Za-z0-9_.-] (1 to 64 characters), e.g. idle, busy";

    private PresenceTools() {
    }

    static List<ToolDefinition<?, ?>> all() {
        return List.of(heartbeat(), list());
    }

    record HeartbeatArgs(@Doc(Conversions.AGENT) String agent,
            @Default("\"" + Presence.DEFAULT_STATUS + "\"") @Doc("What the agent is doing: " + STATUS) String status,
            @Range(min = 1, max = 86_400) @Default("60")
            @Doc("Seconds until the agent drops off agent_list unless it heartbeats again") long ttlSeconds,
            @Range(limit = Limit.COUNT) @Doc("What the agent publishes about itself (names to JSON values), e.g."
                    + " its skills; at most {max_value_bytes} bytes as JSON") Map<String, Object> info) {
    }

    record HeartbeatResult(String agent, String status, long expiresInSeconds) {
    }

    static ToolDefinition<HeartbeatArgs, HeartbeatResult> heartbeat() {
        return ToolDefinition.builder("agent_heartbeat", HeartbeatArgs.class, HeartbeatResult.class)
                .title("Heartbeat")
                .description("Says that an agent is alive, with a status and info, for the next ttl_seconds"
                        + " ({namespace}:agent:{agent}:presence); call it again before then to stay listed. agent"
                        + " defaults to the caller's own identity; only an admin may heartbeat for another agent."
                        + " Needs the agent_write role.")
                .hints(ToolHints.write(false, true))
                .toolset(Toolset.PRESENCE)
                .handler((args, call) -> {
                    AgentPresence p = call.redis().presence().heartbeat(Conversions.agent(args.agent(), call),
                            args.status(), Duration.ofSeconds(args.ttlSeconds()), args.info());
                    return new HeartbeatResult(p.agent(), p.status(), args.ttlSeconds());
                })
                .build();
    }

    record ListArgs(@Doc("Only agents with this status: " + STATUS) String status) {
    }

    record LiveAgent(String agent, String status, @Doc("Its last heartbeat (ISO-8601)") String lastSeen,
            Map<String, Object> info) {

        static LiveAgent of(AgentPresence p) {
            return new LiveAgent(p.agent(), p.status(), Conversions.instant(p.lastSeen()), p.info());
        }
    }

    record ListResult(@Doc("Live agents, sorted by name") List<LiveAgent> agents) {
    }

    static ToolDefinition<ListArgs, ListResult> list() {
        return ToolDefinition.builder("agent_list", ListArgs.class, ListResult.class)
                .title("List live agents")
                .description("Lists the agents whose heartbeat has not expired, with status, last heartbeat and info,"
                        + " sorted by name (at most {max_count}). Running MCP servers appear here too, as"
                        + " mcp-<host>-<pid>. Needs the agent_read role.")
                .hints(ToolHints.READ_ONLY)
                .toolset(Toolset.PRESENCE)
                .handler((args, call) -> {
                    Presence presence = call.redis().presence();
                    List<AgentPresence> live = args.status() == null ? presence.list() : presence.list(args.status());
                    List<LiveAgent> agents = new ArrayList<>(live.size());
                    live.forEach(p -> agents.add(LiveAgent.of(p)));
                    return new ListResult(agents);
                })
                .build();
    }
}
