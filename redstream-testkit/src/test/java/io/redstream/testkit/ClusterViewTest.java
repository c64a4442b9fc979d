package io.redstream.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterViewTest {

    private static final String OK_INFO = String.join("\r\n",
            "cluster_state:ok", "cluster_slots_assigned:16384", "cluster_slots_ok:16384", "cluster_known_nodes:3", "");

    private static final String CONNECTED_NODES = String.join("\n",
            "a1 127.0.0.1:7001@17001 myself,master - 0 0 1 connected 0-5460",
            "b2 127.0.0.1:7002@17002 master - 0 1 2 connected 5461-10922",
            "c3 127.0.0.1:7003@17003 master - 0 1 3 connected 10923-16383", "");

    private static final List<ClusterView.SlotOwner> EXPECTED = List.of(
            new ClusterView.SlotOwner(0, 5460, "127.0.0.1", 7001),
            new ClusterView.SlotOwner(5461, 10922, "127.0.0.1", 7002),
            new ClusterView.SlotOwner(10923, 16383, "127.0.0.1", 7003));

    @Test
    void parseSlots_jedisReplyWithBytesAndLongs_isSortedByStart() {
        List<Object> reply = List.of(
                List.of(10923L, 16383L, List.of("127.0.0.1".getBytes(UTF_8), 7003L, "c3".getBytes(UTF_8))),
                List.of(0L, 5460L, List.of("127.0.0.1".getBytes(UTF_8), 7001L, "a1".getBytes(UTF_8))),
                List.of(5461L, 10922L, List.of("127.0.0.1", 7002L, "b2")));

        assertThat(ClusterView.parseSlots(reply)).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void problems_consistentNode_isEmpty() {
        assertThat(ClusterView.problems(ClusterView.parseInfo(OK_INFO), CONNECTED_NODES, EXPECTED, 3, EXPECTED)).isEmpty();
    }

    @Test
    void problems_nodeStillJoining_namesEveryUnmetCondition() {
        Map<String, String> info = ClusterView.parseInfo("cluster_state:fail\r\ncluster_known_nodes:2\r\n");
        String nodes = "a1 127.0.0.1:7001@17001 myself,master - 0 0 1 connected 0-5460\n"
                + "b2 127.0.0.1:7002@17002 handshake - 0 0 0 disconnected\n";

        List<String> problems = ClusterView.problems(info, nodes, EXPECTED.subList(0, 1), 3, EXPECTED);

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("cluster_state is fail"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("cluster_known_nodes is 2"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("has flags handshake"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("link is disconnected"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("CLUSTER SLOTS is [0-5460@127.0.0.1:7001]"));
    }
}
