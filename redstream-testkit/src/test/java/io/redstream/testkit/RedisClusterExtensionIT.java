package io.redstream.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.util.JedisClusterCRC16;

@ExtendWith(RedisClusterExtension.class)
class RedisClusterExtensionIT {

    private static RedisClusterProcess firstSeen;

    @BeforeEach
    void clean(RedisClusterProcess cluster) {
        cluster.flushAll();
    }

    @Test
    void resolvedCluster_isSharedAcrossTests(RedisClusterProcess cluster) {
        sameAsFirstSeen(cluster);
    }

    @Test
    void clusterClient_keyInEachSlotRange_isWrittenToItsOwnerAndReadable(RedisClusterProcess cluster) {
        sameAsFirstSeen(cluster);
        List<SlotRange> ranges = SlotRange.split(3);
        Map<Integer, String> keyPerNode = new HashMap<>();
        for (int i = 0; keyPerNode.size() < ranges.size(); i++) {
            String key = "testkit:key:" + i;
            int slot = JedisClusterCRC16.getSlot(key);
            for (int node = 0; node < ranges.size(); node++) {
                if (ranges.get(node).contains(slot)) {
                    keyPerNode.putIfAbsent(node, key);
                }
            }
        }
        Set<HostAndPort> seeds = cluster.nodes().stream().map(HostAndPort::from).collect(Collectors.toSet());

        try (RedisClusterClient client = RedisClusterClient.builder().nodes(seeds).build()) {
            keyPerNode.forEach((node, key) -> client.set(key, "value-of-" + key));

            keyPerNode.forEach((node, key) -> assertThat(client.get(key)).isEqualTo("value-of-" + key));
        }
        keyPerNode.forEach((node, key) -> {
            try (Jedis owner = cluster.nodeProcesses().get(node).connect()) {
                assertThat(owner.get(key)).as("%s lives on node %d", key, node).isEqualTo("value-of-" + key);
            }
        });
    }

    @Test
    void flushAll_emptiesEveryNode(RedisClusterProcess cluster) {
        sameAsFirstSeen(cluster);
        Set<HostAndPort> seeds = new HashSet<>(List.of(HostAndPort.from(cluster.nodes().get(0))));
        try (RedisClusterClient client = RedisClusterClient.builder().nodes(seeds).build()) {
            for (int i = 0; i < 30; i++) {
                client.set("flush:" + i, "x");
            }
        }

        cluster.flushAll();

        for (RedisServerProcess node : cluster.nodeProcesses()) {
            try (Jedis jedis = node.connect()) {
                assertThat(jedis.dbSize()).isZero();
            }
        }
    }

    @Test
    void awaitReady_onHealthyCluster_returnsAndRejectsNonPositiveTimeout(RedisClusterProcess cluster) {
        cluster.awaitReady(Duration.ofSeconds(5));

        assertThatThrownBy(() -> cluster.awaitReady(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout must be positive, but was PT0S");
    }

    private static synchronized void sameAsFirstSeen(RedisClusterProcess cluster) {
        if (firstSeen == null) {
            firstSeen = cluster;
        }
        assertThat(cluster).isSameAs(firstSeen);
    }
}
