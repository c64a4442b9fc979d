package io.redstream.examples;

import io.redstream.embedded.EmbeddedRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;

/**
 * Where the cluster example finds a Redis Cluster: {@code REDSTREAM_CLUSTER} ({@code host:port,...}, with
 * {@code REDIS_PASSWORD} if the nodes need one) when set, else three embedded masters on free loopback ports that
 * share one random password, formed into a cluster the way {@code redis-cli --cluster create} does it: each node
 * takes a third of the 16384 slots, then they meet. Stopped on {@link #close()} (or when the JVM dies).
 */
final class ExampleCluster implements AutoCloseable {
    private static final int MASTERS = 3;
    private static final int SLOTS = 16384;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final List<EmbeddedRedis> embedded;
    private final List<String> nodes;
    private final String password;

    private ExampleCluster(List<EmbeddedRedis> embedded, List<String> nodes, String password) {
        this.embedded = embedded;
        this.nodes = List.copyOf(nodes);
        this.password = password;
    }

    static ExampleCluster start() {
        String configured = System.getenv("REDSTREAM_CLUSTER");
        if (configured != null && !configured.isBlank()) {
            return new ExampleCluster(List.of(), List.of(configured.strip().split("\\s*,\\s*")),
                    System.getenv("REDIS_PASSWORD"));
        }
        String password = UUID.randomUUID().toString();
        List<EmbeddedRedis> started = new ArrayList<>();
        try {
            for (int i = 0; i < MASTERS; i++) {
                started.add(EmbeddedRedis.builder().cluster(true).password(password).start());
            }
            form(started, password);
            awaitReady(started, password);
        } catch (RuntimeException e) {
            started.forEach(EmbeddedRedis::close);
            throw e;
        }
        List<String> nodes = started.stream().map(EmbeddedRedis::address).toList();
        System.err.println("[example] REDSTREAM_CLUSTER not set: started a 3-master embedded Redis Cluster at " + nodes);
        return new ExampleCluster(started, nodes, password);
    }

    /** The seed nodes, {@code host:port}. */
    List<String> nodes() {
        return nodes;
    }

    /** The nodes' password, if they have one. */
    Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** Which embedded node serves a slot: node {@code i} holds the slots {@code s} with {@code s * 3 / 16384 == i}. */
    static int nodeOfSlot(int slot) {
        return slot * MASTERS / SLOTS;
    }

    private static int firstSlotOf(int node) {
        return (node * SLOTS + MASTERS - 1) / MASTERS;
    }

    /** Slots split in three ranges; distinct config epochs; then every node meets the first. */
    private static void form(List<EmbeddedRedis> nodes, String password) {
        for (int i = 0; i < nodes.size(); i++) {
            int from = firstSlotOf(i);
            int to = firstSlotOf(i + 1) - 1;
            try (Jedis jedis = connect(nodes.get(i), password)) {
                jedis.clusterSetConfigEpoch(i + 1L);
                jedis.clusterAddSlotsRange(from, to);
            }
        }
        try (Jedis first = connect(nodes.get(0), password)) {
            for (EmbeddedRedis other : nodes.subList(1, nodes.size())) {
                // With the bus port named: an embedded node's bus port is a free port, not port + 10000.
                first.sendCommand(Protocol.Command.CLUSTER, "MEET", other.host(), String.valueOf(other.port()),
                        String.valueOf(other.clusterBusPort()));
            }
        }
    }

    /** Until every node says {@code cluster_state:ok} and knows all three nodes. */
    private static void awaitReady(List<EmbeddedRedis> nodes, String password) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!nodes.stream().allMatch(node -> ready(node, password))) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the embedded cluster was not ready within " + READY_TIMEOUT.toSeconds()
                        + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the cluster formed", e);
            }
        }
    }

    private static boolean ready(EmbeddedRedis node, String password) {
        try (Jedis jedis = connect(node, password)) {
            return jedis.clusterInfo().contains("cluster_state:ok")
                    && jedis.clusterNodes().lines().filter(l -> l.contains("connected")).count() == MASTERS;
        }
    }

    private static Jedis connect(EmbeddedRedis node, String password) {
        Jedis jedis = new Jedis(node.host(), node.port());
        jedis.auth(password);
        return jedis;
    }

    @Override
    public void close() {
        embedded.forEach(EmbeddedRedis::close);
    }
}
