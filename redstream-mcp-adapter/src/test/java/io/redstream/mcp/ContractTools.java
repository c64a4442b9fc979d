package io.redstream.mcp;

import java.util.List;

/** The tool names of the MCP contract, as clients know them (written out here, not read from the server). */
final class ContractTools {

    static final List<String> ALL = List.of("redis_get", "redis_set", "redis_del", "redis_keys", "redis_expire",
            "redis_publish", "redis_subscribe", "redis_multi", "stream_publish", "stream_read", "stream_group_create",
            "stream_group_read", "stream_ack", "stream_claim", "stream_pending", "stream_info", "stream_list",
            "redis_health");

    static final List<String> READ_ONLY = List.of("redis_get", "redis_keys", "redis_subscribe", "stream_read",
            "stream_pending", "stream_info", "stream_list", "redis_health");

    private ContractTools() {
    }
}
