package io.redstream.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one cluster node reports about the cluster ({@code CLUSTER INFO}, {@code CLUSTER SLOTS},
 * {@code CLUSTER NODES}), reduced to what "ready" means for the fixture. Pure parsing, no I/O.
 */
final class ClusterView {

    /** One CLUSTER SLOTS entry: a slot range and the master serving it. */
    record SlotOwner(int start, int end, String host, int port) {
        @Override
        public String toString() {
            return start + "-" + end + "@" + host + ":" + port;
        }
    }

    private ClusterView() {}

    /** The {@code key:value} lines of CLUSTER INFO (or INFO). */
    static Map<String, String> parseInfo(String info) {
        Map<String, String> fields = new HashMap<>();
        for (String line : info.split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return fields;
    }

    /**
     * Parses a CLUSTER SLOTS reply as Jedis returns it (nested lists of Long and byte[] or String),
     * sorted by start slot. Replica entries after the master are ignored.
     */
    static List<SlotOwner> parseSlots(List<?> reply) {
        List<SlotOwner> owners = new ArrayList<>();
        for (Object entry : reply) {
            List<?> fields = (List<?>) entry;
            List<?> master = (List<?>) fields.get(2);
            owners.add(new SlotOwner(asInt(fields.get(0)), asInt(fields.get(1)), asString(master.get(0)), asInt(master.get(1))));
        }
        owners.sort(Comparator.comparingInt(SlotOwner::start));
        return owners;
    }

    /**
     * Problems that keep a node from being ready, empty when ready: state ok, all nodes known, all slots
     * assigned, every link connected, and the expected slot map.
     */
    static List<String> problems(Map<String, String> info, String nodes, List<SlotOwner> slots,
            int expectedNodes, Collection<SlotOwner> expectedSlots) {
        List<String> problems = new ArrayList<>();
        expect(problems, info, "cluster_state", "ok");
        expect(problems, info, "cluster_known_nodes", String.valueOf(expectedNodes));
        expect(problems, info, "cluster_slots_assigned", String.valueOf(SlotRange.SLOTS));
        expect(problems, info, "cluster_slots_ok", String.valueOf(SlotRange.SLOTS));
        for (String line : nodes.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split(" ");
            // <id> <ip:port@cport> <flags> <master> <ping-sent> <pong-recv> <config-epoch> <link-state> <slot>...
            if (parts.length < 8) {
                problems.add("unparseable CLUSTER NODES line: " + line);
                continue;
            }
            String flags = parts[2];
            if (flags.contains("handshake") || flags.contains("fail") || flags.contains("noaddr")) {
                problems.add("node " + parts[1] + " has flags " + flags);
            }
            if (!"connected".equals(parts[7])) {
                problems.add("node " + parts[1] + " link is " + parts[7]);
            }
        }
        List<SlotOwner> expected = new ArrayList<>(expectedSlots);
        expected.sort(Comparator.comparingInt(SlotOwner::start));
        if (!expected.equals(slots)) {
            problems.add("CLUSTER SLOTS is " + slots + ", expected " + expected);
        }
        return problems;
    }

    private static void expect(List<String> problems, Map<String, String> info, String key, String value) {
        String actual = info.get(key);
        if (!value.equals(actual)) {
            problems.add(key + " is " + actual + ", expected " + value);
        }
    }

    private static int asInt(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        return Integer.parseInt(asString(value));
    }

    private static String asString(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return String.valueOf(value);
    }
}
