package io.redstream.core.presence;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Which agents are alive: each heartbeats {@code nova:agent:{agent}:presence} with a TTL, and whoever lists sees
 * the agents whose heartbeat has not expired. Obtained from {@code RedStream.presence()}.
 *
 * <pre>{@code
 * // each agent, every 10 s
 * rs.presence().heartbeat("agent-alpha", "busy", Duration.ofSeconds(30), Map.of("task", taskId));
 *
 * // a coordinator
 * for (AgentPresence a : rs.presence().list("idle")) {
 *     assign(a.agent());
 * }
 * }</pre>
 *
 * <p><b>Semantics.</b> A heartbeat replaces the agent's presence (status, info, last seen) and keeps it for
 * {@code ttl}: the key expires in Redis then, and {@link #list()} leaves out any whose TTL has passed by the
 * client's injected {@link java.time.Clock}. {@link #leave} drops it at once. Listing walks the keys with
 * {@code SCAN} (never {@code KEYS}), on every master of a cluster, and returns at most {@code limits.maxCount}
 * agents, sorted by name.
 *
 * <p><b>Names and bounds.</b> Agents are entity segments of the {@code agent} domain ({@code [A-Za-z0-9_-]},
 * 1 to 128); a status is {@code [A-Za-z0-9_.-]}, 1 to 64; the TTL is {@link #MIN_TTL} to {@link #MAX_TTL}; info is
 * stored as JSON within {@code limits.maxValueBytes}. On a guarded view, heartbeat and leave need {@code key.set}
 * / {@code key.delete} on the presence key (built-in role {@code agent_write}) and act only as the caller's own
 * subject unless the caller is an admin; list needs {@code key.scan} and {@code key.get} on every presence key
 * ({@code agent_read}).
 *
 * <p><b>Thread-safety and lifecycle.</b> Thread-safe; shares the client's connections; nothing to close.
 */
public interface Presence {
    /** Shortest heartbeat TTL. */
    Duration MIN_TTL = Duration.ofSeconds(1);
    /** Longest heartbeat TTL. */
    Duration MAX_TTL = Duration.ofHours(24);
    /** A TTL for callers that take it as optional input (heartbeat itself has no default). */
    Duration DEFAULT_TTL = Duration.ofSeconds(60);
    /** A status for callers that take it as optional input. */
    String DEFAULT_STATUS = "online";

    /**
     * Records that {@code agent} is alive with {@code status} and {@code info} for the next {@code ttl}.
     *
     * @param info what the agent publishes about itself, or {@code null} for nothing
     * @return the presence as stored
     * @param agent the agent's name, an entity segment
     * @param status the agent's status, {@code [A-Za-z0-9_.-]}, 1 to 64
     * @param ttl how long the presence lasts without another heartbeat, {@link #MIN_TTL} to {@link #MAX_TTL}
     */
    AgentPresence heartbeat(String agent, String status, Duration ttl, Map<String, ?> info);

    /**
     * Drops {@code agent} from the list now; false when it was not present.
     *
     * @param agent the agent's name
     * @return {@code true} when the agent was present
     */
    boolean leave(String agent);

    /**
     * Every live agent, sorted by name.
     *
     * @return at most {@code limits.maxCount} live agents
     */
    List<AgentPresence> list();

    /**
     * The live agents with {@code status}, sorted by name.
     *
     * @param status the status to filter by
     * @return at most {@code limits.maxCount} live agents with that status
     */
    List<AgentPresence> list(String status);

    /**
     * The presence key of {@code agent}: {@code nova:agent:{agent}:presence}.
     *
     * @param agent the agent's name
     * @return the full key name
     */
    String key(String agent);
}
