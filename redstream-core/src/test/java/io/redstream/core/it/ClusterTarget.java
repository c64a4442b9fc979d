package io.redstream.core.it;

import io.redstream.core.RedStream;
import io.redstream.testkit.RedisClusterProcess;
import io.redstream.testkit.RedisServerProcess;
import java.util.HashSet;
import java.util.Set;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.StreamEntryID;

/** The shared embedded 3-master cluster. */
final class ClusterTarget implements RedisTarget {
    private final RedisClusterProcess cluster;

    ClusterTarget(RedisClusterProcess cluster) {
        this.cluster = cluster;
    }

    @Override
    public RedStream.Builder builder() {
        return RedStream.builder().clusterNodes(cluster.nodes().toArray(String[]::new));
    }

    @Override
    public void flushAll() {
        cluster.flushAll();
    }

    @Override
    public long dbSize() {
        long total = 0;
        for (RedisServerProcess node : cluster.nodeProcesses()) {
            try (Jedis j = node.connect()) {
                total += j.dbSize();
            }
        }
        return total;
    }

    @Override
    public boolean isCluster() {
        return true;
    }

    @Override
    public redis.clients.jedis.UnifiedJedis raw() {
        Set<HostAndPort> seeds = new HashSet<>();
        cluster.nodes().forEach(n -> seeds.add(HostAndPort.from(n)));
        return RedisClusterClient.builder().nodes(seeds).build();
    }

    void xdel(String stream, String... ids) {
        Set<HostAndPort> seeds = new HashSet<>();
        cluster.nodes().forEach(n -> seeds.add(HostAndPort.from(n)));
        try (RedisClusterClient c = RedisClusterClient.builder().nodes(seeds).build()) {
            c.xdel(stream, java.util.Arrays.stream(ids).map(StreamEntryID::new).toArray(StreamEntryID[]::new));
        }
    }
}
