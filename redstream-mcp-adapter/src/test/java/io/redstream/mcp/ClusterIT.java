package io.redstream.mcp;

import static io.redstream.mcp.Calls.error;
import static io.redstream.mcp.Calls.ok;
import static io.redstream.mcp.Calls.args;
import static io.redstream.mcp.Calls.list;
import static io.redstream.mcp.Calls.map;
import static io.redstream.mcp.Calls.stringList;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.modelcontextprotocol.client.McpSyncClient;
import io.redstream.testkit.RedisClusterExtension;
import io.redstream.testkit.RedisClusterProcess;

/** The same tools on a 3-master Redis Cluster ({@code --cluster}): listings walk every master. */
@ExtendWith(RedisClusterExtension.class)
class ClusterIT {

    @Test
    void tools_workOnACluster_andListingsCoverEveryMaster(RedisClusterProcess cluster) {
        cluster.flushAll();
        McpSyncClient c = McpProcesses.client(McpProcesses.jarCommand("--cluster", String.join(",", cluster.nodes())),
                Map.of("REDSTREAM_TOKEN", ""), McpProcesses.newStderrSink());
        try {
            assertThat(ok(c, "redis_health", Map.of())).containsEntry("status", "UP")
                    .hasEntrySatisfying("topology", t -> assertThat((String) t).startsWith("cluster"));
            for (int i = 0; i < 12; i++) {
                ok(c, "redis_set", args("key", "nova:agent:c:k" + i, "value", "v" + i));
                ok(c, "stream_publish", args("stream", "nova:task:c:s" + i, "fields", Map.of("i", i)));
            }
            assertThat(ok(c, "redis_get", args("key", "nova:agent:c:k7"))).containsEntry("value", "v7");

            Set<String> keys = new HashSet<>();
            Set<String> streams = new HashSet<>();
            String cursor = "0";
            do {
                Map<String, Object> page = ok(c, "redis_keys", args("pattern", "nova:agent:c:*", "cursor", cursor,
                        "count", 5));
                keys.addAll(stringList(page.get("keys")));
                cursor = (String) page.get("cursor");
            } while (!cursor.equals("0"));
            do {
                Map<String, Object> page = ok(c, "stream_list", args("pattern", "nova:task:*", "cursor", cursor,
                        "count", 5));
                streams.addAll(stringList(page.get("streams")));
                cursor = (String) page.get("cursor");
            } while (!cursor.equals("0"));
            assertThat(keys).hasSize(12);
            assertThat(streams).hasSize(12);

            assertThat(ok(c, "redis_multi", args("operations", List.of(Map.of("op", "incr", "key", "nova:agent:c:n"),
                    Map.of("op", "get", "key", "nova:agent:c:n")))).get("results")).isEqualTo(List.of(1, "1"));
            assertThat(error(c, "redis_multi", args("operations", List.of(Map.of("op", "get", "key", "nova:agent:c:k1"),
                    Map.of("op", "get", "key", "nova:agent:c:k2"))), "INVALID_ARGUMENT")).contains("slot");

            ok(c, "stream_group_create", args("stream", "nova:task:c:s3", "group", "g", "start_id", "0"));
            List<Map<String, Object>> entries = list(ok(c, "stream_group_read", args("stream", "nova:task:c:s3",
                    "group", "g", "consumer", "c1")).get("entries"));
            assertThat(map(entries.get(0).get("fields"))).containsEntry("i", 3);
        } finally {
            c.closeGracefully();
        }
    }
}
