package io.redstream.mcp;

import static io.redstream.mcp.Calls.args;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.redstream.testkit.RedisServerExtension;
import io.redstream.testkit.RedisServerProcess;

/** --read-only and --toolsets: a filtered list, and hidden tools refused if called anyway. */
@ExtendWith(RedisServerExtension.class)
class ReadOnlyServerIT {

    @Test
    void readOnly_realServer_keepsTheEightReadTools_refusesEveryOther_andWritesNothing(RedisServerProcess redis)
            throws Exception {
        redis.flushAll();
        McpSyncClient client = McpProcesses.client(McpProcesses.jarCommand("--redis", redis.uri(), "--read-only"),
                Map.of("REDSTREAM_TOKEN", ""), McpProcesses.newStderrSink());
        try {
            assertThat(client.listTools().tools()).extracting(Tool::name)
                    .containsExactlyInAnyOrderElementsOf(ContractTools.READ_ONLY);
            Map<String, Map<String, Object>> writes = Map.of(
                    "redis_set", args("key", "nova:agent:a:b", "value", "v"),
                    "redis_del", args("keys", List.of("nova:agent:a:b")),
                    "redis_expire", args("key", "nova:agent:a:b", "ttl_seconds", 5),
                    "redis_publish", args("channel", "nova:agent:a:b", "message", "m"),
                    "redis_multi", args("operations", List.of(Map.of("op", "get", "key", "nova:agent:a:b"))),
                    "stream_publish", args("stream", "nova:task:a:b", "fields", Map.of("a", "b")),
                    "stream_group_create", args("stream", "nova:task:a:b", "group", "g"),
                    "stream_group_read", args("stream", "nova:task:a:b", "group", "g", "consumer", "c"),
                    "stream_ack", args("stream", "nova:task:a:b", "group", "g", "ids", List.of("1-0")),
                    "stream_claim", args("stream", "nova:task:a:b", "group", "g", "consumer", "c", "min_idle_ms", 0));
            Map<String, Map<String, Object>> coordination = Map.of(
                    "task_create", args("board", "b", "title", "t"),
                    "task_claim", args("board", "b"),
                    "task_update", args("board", "b", "task_id", "1-0", "status", "done"),
                    "task_get", args("board", "b", "task_id", "1-0"),
                    "task_list", args("board", "b"),
                    "lock_acquire", args("key", "nova:agent:a:lock", "ttl_seconds", 5),
                    "lock_release", args("key", "nova:agent:a:lock", "token", 1),
                    "agent_heartbeat", args(),
                    "agent_list", args());
            writes = new java.util.HashMap<>(writes);
            writes.putAll(coordination);
            for (Map.Entry<String, Map<String, Object>> w : writes.entrySet()) {
                assertThat(Calls.error(client, w.getKey(), w.getValue(), "ACCESS_DENIED")).contains("--read-only");
            }
            Calls.ok(client, "redis_get", args("key", "nova:agent:a:b"));
            Calls.ok(client, "stream_read", args("stream", "nova:task:a:b"));
        } finally {
            client.closeGracefully();
        }
        try (var j = redis.connect()) {
            // not even the server's own heartbeat: a read-only server takes no part
            assertThat(j.dbSize()).isZero();
        }
    }

    @Test
    void toolsets_ofCoordination_listOnlyTheirTools(RedisServerProcess redis) {
        McpSyncClient client = McpProcesses.client(McpProcesses.jarCommand("--redis", redis.uri(), "--toolsets",
                "tasks,presence"), Map.of("REDSTREAM_TOKEN", ""), McpProcesses.newStderrSink());
        try {
            assertThat(client.listTools().tools()).extracting(Tool::name).containsExactly("task_create", "task_claim",
                    "task_update", "task_get", "task_list", "agent_heartbeat", "agent_list");
            assertThat(Calls.error(client, "lock_acquire", args("key", "nova:agent:a:lock", "ttl_seconds", 5),
                    "ACCESS_DENIED")).contains("toolset 'locks' is not in --toolsets (presence,tasks)");
        } finally {
            client.closeGracefully();
        }
        try (var j = redis.connect()) {
            assertThat(j.exists("nova:agent:a:lock")).isFalse();
        }
    }

    @Test
    void toolsets_fromTheEnvironment_listAndAllowOnlyThoseGroups(RedisServerProcess redis) {
        McpSyncClient client = McpProcesses.client(McpProcesses.jarCommand("--redis", redis.uri()),
                Map.of("REDSTREAM_TOKEN", "", "REDSTREAM_TOOLSETS", "state,health"), McpProcesses.newStderrSink());
        try {
            assertThat(client.listTools().tools()).extracting(Tool::name).containsExactly("redis_get", "redis_set",
                    "redis_del", "redis_keys", "redis_expire", "redis_multi", "redis_health");
            assertThat(Calls.error(client, "stream_publish", args("stream", "nova:task:a:b", "fields", Map.of("a", "b")),
                    "ACCESS_DENIED")).contains("toolset 'streams' is not in --toolsets (health,state)");
            Calls.ok(client, "redis_set", args("key", "nova:agent:a:b", "value", "v"));
        } finally {
            client.closeGracefully();
        }
        try (var j = redis.connect()) {
            assertThat(j.exists("nova:task:a:b")).isFalse();
        }
    }
}
