package io.redstream.mcp;

import java.util.List;

/** The tool names of the MCP contract, as clients know them (written out here, not read from the server). */
final class ContractTools {

    static final List<String> ALL = List.of("redis_get", "redis_set", "redis_del", "redis_keys", "redis_expire",
            "redis_publish", "redis_subscribe", "redis_multi", "stream_publish", "stream_read", "stream_group_create",
            "stream_group_read", "stream_ack", "stream_claim", "stream_pending", "stream_info", "stream_list",
            "redis_health", "task_create", "task_claim", "task_update", "task_get", "task_list", "lock_acquire",
            "lock_release", "agent_heartbeat", "agent_list");

    /** What a {@code --read-only} server lists. */
    static final List<String> READ_ONLY = List.of("redis_get", "redis_keys", "redis_subscribe", "stream_read",
            "stream_pending", "stream_info", "stream_list", "redis_health");

    /** The tools that change nothing: the read-only server's and the coordination tools that only read. */
    static final List<String> READ_ONLY_HINT = List.of("redis_get", "redis_keys", "redis_subscribe", "stream_read",
            "stream_pending", "stream_info", "stream_list", "redis_health", "task_get", "task_list", "agent_list");

    private ContractTools() {
    }
}
