package io.redstream.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Private clusters: start, consistency on every node, node restart, close. Key routing on the shared
 * cluster is in RedisClusterExtensionIT.
 */
class RedisClusterProcessIT {

    @Test
    void start_everyNodeIsOkKnowsTheOthersAndServesItsRange_closeStopsThemAll() {
        RedisClusterProcess cluster = RedisClusterProcess.start();
        List<RedisServerProcess> nodes = cluster.nodeProcesses();
        try {
            assertThat(cluster.nodes()).hasSize(3).doesNotHaveDuplicates().allMatch(n -> n.startsWith("127.0.0.1:"));
            List<SlotRange> expected = SlotRange.split(3);
            for (int i = 0; i < nodes.size(); i++) {
                try (Jedis jedis = nodes.get(i).connect()) {
                    assertThat(jedis.clusterInfo()).contains("cluster_state:ok").contains("cluster_known_nodes:3")
                            .contains("cluster_size:3");
                    String myself = jedis.clusterNodes().lines().filter(l -> l.contains("myself")).findFirst().orElseThrow();
                    assertThat(myself).endsWith(" " + expected.get(i).start() + "-" + expected.get(i).end());
                }
            }
        } finally {
            cluster.close();
        }

        cluster.close();
        assertThat(nodes).allSatisfy(node -> {
            assertThat(node.isAlive()).isFalse();
            assertThat(node.isClosed()).isTrue();
            assertThat(node.dataDirectory()).doesNotExist();
        });
    }

    @Test
    void nodeKilledAndRestarted_rejoinsWithItsSlotsAndDataFromAof() {
        try (RedisClusterProcess cluster = RedisClusterProcess.start()) {
            RedisServerProcess victim = cluster.nodeProcesses().get(1);
            String key = keyInRange(SlotRange.split(3).get(1));
            Set<HostAndPort> seeds = cluster.nodes().stream().map(HostAndPort::from).collect(Collectors.toSet());
            try (RedisClusterClient client = RedisClusterClient.builder().nodes(seeds).build()) {
                client.set(key, "before-kill");
            }
            // Cluster nodes have no AOF, so persist explicitly; the point here is topology, not durability.
            try (Jedis jedis = victim.connect()) {
                jedis.save();
            }

            victim.kill();
            victim.restart();
            cluster.awaitReady(Duration.ofSeconds(20));

            try (RedisClusterClient client = RedisClusterClient.builder().nodes(seeds).build()) {
                assertThat(client.get(key)).isEqualTo("before-kill");
                client.set(key, "after-restart");
                assertThat(client.get(key)).isEqualTo("after-restart");
            }
        }
    }

    private static String keyInRange(SlotRange range) {
        for (int i = 0; ; i++) {
            String key = "restart:" + i;
            if (range.contains(JedisClusterCRC16.getSlot(key))) {
                return key;
            }
        }
    }
}
