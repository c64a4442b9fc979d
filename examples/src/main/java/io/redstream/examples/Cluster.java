package io.redstream.examples;

import io.redstream.core.RedStream;
import io.redstream.core.stream.StreamEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Redis Cluster: the same calls as on a standalone Redis, given seed nodes instead of a URI. Streams of different
 * names live on different nodes (each name hashes to one of 16384 slots); every operation on one stream goes to the
 * node that owns it, and the client follows the cluster when slots move.
 *
 * <p>{@code mvn -pl examples exec:java -Dexample=Cluster} (an embedded 3-master cluster, or {@code REDSTREAM_CLUSTER})
 */
public final class Cluster {
    static final List<String> STREAMS = List.of(
            "nova:task:boomerang:tasks", "nova:devops:alerts:events", "nova:devops:deploy:events");

    private Cluster() {
    }

    public static void main(String[] args) {
        try (ExampleCluster cluster = ExampleCluster.start(); RedStream rs = connect(cluster)) {
            System.out.println("cluster: " + rs.isCluster() + ", health: " + rs.health().status());
            run(rs).forEach((stream, entries) -> System.out.println(stream + " (slot " + slot(stream) + "): "
                    + entries.size() + " entries, first " + entries.get(0).fields()));
        }
    }

    static RedStream connect(ExampleCluster cluster) {
        RedStream.Builder builder = RedStream.builder()
                .clusterNodes(cluster.nodes().toArray(String[]::new))
                .identity("cluster-example");
        cluster.password().ifPresent(builder::password);
        return builder.build();
    }

    /** Publishes two entries to each stream, then reads each stream back. */
    static Map<String, List<StreamEntry>> run(RedStream rs) {
        for (String stream : STREAMS) {
            rs.publish(stream, Map.of("step", "1", "stream", stream));
            rs.publish(stream, Map.of("step", "2", "stream", stream));
        }
        Map<String, List<StreamEntry>> read = new LinkedHashMap<>();
        for (String stream : STREAMS) {
            read.put(stream, rs.streams().range(stream, "-", "+", 10));
        }
        return read;
    }

    /** The hash slot a key lives in: CRC16 of the key, modulo 16384 (no hash tag in these names). */
    static int slot(String key) {
        return JedisClusterCRC16.getSlot(key);
    }
}
