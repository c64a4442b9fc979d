package io.redstream.testkit;

import static java.util.Objects.requireNonNull;

import io.redstream.embedded.RedisProcessException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A 3-master Redis Cluster (no replicas) of real {@link RedisServerProcess} nodes on 127.0.0.1.
 *
 * <pre>{@code
 * try (RedisClusterProcess cluster = RedisClusterProcess.start()) {
 *   RedStream rs = RedStream.builder().clusterNodes(cluster.nodes().toArray(String[]::new)).build();
 *   ...
 * }
 * }</pre>
 *
 * <p>Slots are split 0-5460, 5461-10922, 10923-16383 in node order. {@link #start()} returns only once
 * every node reports {@code cluster_state:ok}, knows all three nodes over connected links, and serves
 * the same CLUSTER SLOTS map, so a cluster client created right after sees a stable topology. That
 * takes about two seconds: a master refuses to declare the cluster ok during its first two seconds.
 *
 * <p>Nodes run with {@code cluster-node-timeout} {@value #NODE_TIMEOUT_MILLIS} ms and keep their
 * {@code nodes.conf} in their own data directory, so a node {@linkplain RedisServerProcess#kill()
 * killed} and {@linkplain RedisServerProcess#restart() restarted} through {@link #nodeProcesses()}
 * rejoins with its identity and slots.
 *
 * <p><b>Lifecycle and thread-safety.</b> Thread-safe. {@link #close()} closes every node and is
 * idempotent; a failed {@code start()} closes the nodes it had started.
 */
public final class RedisClusterProcess implements AutoCloseable {

    /** Number of masters. */
    public static final int MASTERS = 3;

    /** {@code cluster-node-timeout}: short, so failure detection in fault tests takes seconds, not 15 s. */
    public static final int NODE_TIMEOUT_MILLIS = 2_000;

    /** How long {@link #start()} waits for the cluster to become consistent. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(20);

    private static final long POLL_MILLIS = 50;

    private final List<RedisServerProcess> nodes;
    private final List<SlotRange> slots;
    private boolean closed; // guarded by this

    private RedisClusterProcess(List<RedisServerProcess> nodes, List<SlotRange> slots) {
        this.nodes = List.copyOf(nodes);
        this.slots = slots;
    }

    /**
     * Starts three cluster-enabled servers, assigns the slots, joins them and waits until the cluster is
     * consistent on every node.
     *
     * @throws RedisProcessException if a node does not start or the cluster is not consistent within
     *     {@link #DEFAULT_READY_TIMEOUT}; the message lists what each node still reported wrong
     */
    public static RedisClusterProcess start() {
        List<RedisServerProcess> started = new ArrayList<>(MASTERS);
        try {
            for (int i = 0; i < MASTERS; i++) {
                started.add(RedisServerProcess.builder()
                        .cluster(true)
                        .config("cluster-node-timeout " + NODE_TIMEOUT_MILLIS)
                        .start());
            }
            RedisClusterProcess cluster = new RedisClusterProcess(started, SlotRange.split(MASTERS));
            cluster.form();
            cluster.awaitReady(DEFAULT_READY_TIMEOUT);
            return cluster;
        } catch (RuntimeException | Error e) {
            for (RedisServerProcess node : started) {
                try {
                    node.close();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /** The nodes as {@code 127.0.0.1:port}, in slot order. */
    public List<String> nodes() {
        return nodes.stream().map(RedisServerProcess::address).collect(Collectors.toUnmodifiableList());
    }

    /** The node processes, in slot order: node 0 serves 0-5460, node 1 5461-10922, node 2 10923-16383. */
    public List<RedisServerProcess> nodeProcesses() {
        return nodes;
    }

    /** Deletes every key on every node: the way tests sharing one cluster clean up. */
    public void flushAll() {
        for (RedisServerProcess node : nodes) {
            node.flushAll();
        }
    }

    /** Closes every node. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        for (RedisServerProcess node : nodes) {
            try {
                node.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "RedisClusterProcess" + nodes();
    }

    /**
     * Assigns slots and fixes config epochs before the nodes meet, the way redis-cli does: distinct
     * epochs avoid the epoch-collision round that otherwise delays agreement.
     */
    private void form() {
        for (int i = 0; i < nodes.size(); i++) {
            try (Jedis jedis = nodes.get(i).connect()) {
                jedis.clusterSetConfigEpoch(i + 1L);
                jedis.clusterAddSlotsRange(slots.get(i).start(), slots.get(i).end());
            }
        }
        try (Jedis first = nodes.get(0).connect()) {
            for (int i = 1; i < nodes.size(); i++) {
                // With the bus port explicitly: our bus ports are not port + 10000 (see RedisConfig).
                RedisServerProcess other = nodes.get(i);
                first.sendCommand(Protocol.Command.CLUSTER, "MEET", RedisServerProcess.HOST,
                        String.valueOf(other.port()), String.valueOf(other.clusterBusPort()));
            }
        }
    }

    /**
     * Waits until every node reports {@code cluster_state:ok}, knows all nodes over connected links and
     * serves the initial slot map. {@link #start()} calls it; call it again after restarting a node
     * through {@link #nodeProcesses()} before using the cluster.
     *
     * @throws RedisProcessException if the cluster is not ready within {@code timeout}; the message lists
     *     what each node still reported wrong
     */
    public void awaitReady(Duration timeout) {
        requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, but was " + timeout);
        }
        List<ClusterView.SlotOwner> expected = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            expected.add(new ClusterView.SlotOwner(slots.get(i).start(), slots.get(i).end(), RedisServerProcess.HOST, nodes.get(i).port()));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> problems;
        while (true) {
            problems = new ArrayList<>();
            for (RedisServerProcess node : nodes) {
                for (String problem : problemsOf(node, expected)) {
                    problems.add(node.address() + ": " + problem);
                }
            }
            if (problems.isEmpty()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new RedisProcessException("cluster " + nodes() + " not ready within " + timeout.toMillis()
                        + " ms: " + String.join("; ", problems));
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RedisProcessException("interrupted while waiting for cluster " + nodes());
            }
        }
    }

    private static List<String> problemsOf(RedisServerProcess node, List<ClusterView.SlotOwner> expected) {
        try (Jedis jedis = node.connect()) {
            return ClusterView.problems(
                    ClusterView.parseInfo(jedis.clusterInfo()),
                    jedis.clusterNodes(),
                    // CLUSTER SLOTS, not SHARDS: it is what cluster clients (Jedis included) discover topology with.
                    // Sent raw because Jedis deprecates the typed method.
                    ClusterView.parseSlots((List<?>) jedis.sendCommand(Protocol.Command.CLUSTER, "SLOTS")),
                    MASTERS,
                    expected);
        } catch (JedisException e) {
            return List.of("not answering: " + e.getMessage());
        }
    }
}
