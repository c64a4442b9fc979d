package io.redstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.redstream.core.RedStream;
import io.redstream.core.stream.StreamEntry;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The cluster example runs on three embedded masters and its streams land on all three nodes. */
class ClusterIT {

    @Test
    void run_readsBackEveryStream_fromSlotsOfDifferentNodes() {
        try (ExampleCluster cluster = ExampleCluster.start(); RedStream rs = Cluster.connect(cluster)) {
            assertThat(rs.isCluster()).isTrue();
            Map<String, List<StreamEntry>> read = Cluster.run(rs);
            assertThat(read).containsOnlyKeys(Cluster.STREAMS);
            read.forEach((stream, entries) -> assertThat(entries).extracting(e -> e.fields().get("step"))
                    .containsExactly("1", "2"));
            // The three names hash into slots of the three different nodes.
            assertThat(Cluster.STREAMS.stream().map(s -> ExampleCluster.nodeOfSlot(Cluster.slot(s)))
                    .collect(Collectors.toSet())).containsExactlyInAnyOrder(0, 1, 2);
        }
    }
}
