package io.redstream.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redstream.core.InvalidArgumentException;
import io.redstream.core.NotFoundException;
import io.redstream.core.RedStream;
import io.redstream.core.stream.AutoClaimResult;
import io.redstream.core.stream.GroupInfo;
import io.redstream.core.stream.PendingEntry;
import io.redstream.core.stream.PendingQuery;
import io.redstream.core.stream.PendingSummary;
import io.redstream.core.stream.StreamEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The consumer-group contract, run against both topologies. */
abstract class GroupsContract {
    static final String TASKS = "nova:task:boomerang:tasks";
    static final String GROUP = "workers";

    protected abstract RedisTarget target();

    /** Deletes entries behind RedStream's back, to simulate trimming while pending. */
    protected abstract void deleteEntries(String stream, String... ids);

    RedStream rs;

    @BeforeEach
    void connect() {
        target().flushAll();
        rs = target().builder().identity("group-suite").build();
    }

    @AfterEach
    void disconnect() {
        rs.close();
    }

    @Test
    void create_isIdempotentAndMakesTheStream() {
        assertThat(rs.groups().create(TASKS, GROUP, "$")).isTrue();
        assertThat(rs.groups().create(TASKS, GROUP, "$")).isFalse();
        assertThat(rs.streams().length(TASKS)).isZero();
        assertThat(rs.groups().list(TASKS)).extracting(GroupInfo::name).containsExactly(GROUP);
    }

    @Test
    void destroy_removesGroupAndReportsWhetherItExisted() {
        rs.groups().create(TASKS, GROUP, "$");
        assertThat(rs.groups().destroy(TASKS, GROUP)).isTrue();
        assertThat(rs.groups().destroy(TASKS, GROUP)).isFalse();
        assertThat(rs.groups().list(TASKS)).isEmpty();
    }

    @Test
    void list_missingStream_isEmpty() {
        assertThat(rs.groups().list(TASKS)).isEmpty();
    }

    @Test
    void readAndAck_deliversOnceAndClearsPending() {
        rs.groups().create(TASKS, GROUP, "$");
        String a = rs.publish(TASKS, Map.of("n", "a"));
        String b = rs.publish(TASKS, Map.of("n", "b"));

        List<StreamEntry> got = rs.groups().read(TASKS, GROUP, "w1", 10, Duration.ZERO);
        assertThat(got).extracting(StreamEntry::id).containsExactly(a, b);
        assertThat(got.get(0).deliveries()).hasValue(1);
        assertThat(rs.groups().read(TASKS, GROUP, "w2", 10, Duration.ZERO)).isEmpty();

        PendingSummary pending = rs.groups().pending(TASKS, GROUP);
        assertThat(pending.count()).isEqualTo(2);
        assertThat(pending.lowestId()).isEqualTo(a);
        assertThat(pending.highestId()).isEqualTo(b);
        assertThat(pending.consumers()).containsEntry("w1", 2L);

        assertThat(rs.groups().ack(TASKS, GROUP, List.of(a, b))).isEqualTo(2);
        assertThat(rs.groups().pending(TASKS, GROUP).count()).isZero();
        assertThat(rs.groups().pending(TASKS, GROUP).lowestId()).isNull();
    }

    @Test
    void read_blocking_returnsWhenAnEntryArrives() {
        rs.groups().create(TASKS, GROUP, "$");
        var later = java.util.concurrent.CompletableFuture.runAsync(() -> {
            StreamsContract.sleep(200);
            rs.publish(TASKS, Map.of("n", "late"));
        });
        List<StreamEntry> got = rs.groups().read(TASKS, GROUP, "w1", 10, Duration.ofSeconds(10));
        later.join();
        assertThat(got).extracting(e -> e.get("n")).containsExactly("late");
    }

    @Test
    void read_unknownGroup_isNotFound() {
        rs.publish(TASKS, Map.of("n", "a"));
        assertThatThrownBy(() -> rs.groups().read(TASKS, "nobody", "w1", 10, Duration.ZERO))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("NOGROUP");
    }

    @Test
    void readPending_returnsOwnPendingWithDeliveryCounts() {
        rs.groups().create(TASKS, GROUP, "$");
        String a = rs.publish(TASKS, Map.of("n", "a"));
        rs.groups().read(TASKS, GROUP, "w1", 10, Duration.ZERO);
        List<StreamEntry> again = rs.groups().readPending(TASKS, GROUP, "w1", 10);
        assertThat(again).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(a);
            assertThat(e.deliveries()).hasValue(2);
        });
        assertThat(rs.groups().readPending(TASKS, GROUP, "w2", 10)).isEmpty();
    }

    @Test
    void readPending_entryTrimmedWhilePending_comesBackDeleted() {
        rs.groups().create(TASKS, GROUP, "$");
        String a = rs.publish(TASKS, Map.of("n", "a"));
        String b = rs.publish(TASKS, Map.of("n", "b"));
        rs.groups().read(TASKS, GROUP, "w1", 10, Duration.ZERO);
        deleteEntries(TASKS, a);

        List<StreamEntry> again = rs.groups().readPending(TASKS, GROUP, "w1", 10);
        assertThat(again).extracting(StreamEntry::id).containsExactly(a, b);
        assertThat(again.get(0).isDeleted()).isTrue();
        assertThat(again.get(1).isDeleted()).isFalse();
    }

    @Test
    void claim_movesIdleEntriesToAnotherConsumer() throws Exception {
        rs.groups().create(TASKS, GROUP, "$");
        String a = rs.publish(TASKS, Map.of("n", "a"));
        rs.groups().read(TASKS, GROUP, "dead", 10, Duration.ZERO);

        assertThat(rs.groups().claim(TASKS, GROUP, "alive", Duration.ofHours(1), List.of(a))).isEmpty();
        Thread.sleep(50);
        List<StreamEntry> claimed = rs.groups().claim(TASKS, GROUP, "alive", Duration.ofMillis(20), List.of(a));
        assertThat(claimed).extracting(StreamEntry::id).containsExactly(a);
        List<PendingEntry> detail = rs.groups().pendingEntries(TASKS, GROUP, PendingQuery.first(10));
        assertThat(detail).singleElement().satisfies(p -> {
            assertThat(p.consumer()).isEqualTo("alive");
            assertThat(p.deliveries()).isEqualTo(2);
        });
    }

    @Test
    void autoClaimAll_followsCursorAndReportsDeletedIds() throws Exception {
        rs.groups().create(TASKS, GROUP, "$");
        String[] ids = new String[250];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = rs.publish(TASKS, Map.of("i", Integer.toString(i)));
        }
        rs.groups().read(TASKS, GROUP, "dead", 1000, Duration.ZERO);
        deleteEntries(TASKS, ids[5], ids[150]);
        Thread.sleep(30);

        AutoClaimResult r = rs.groups().autoClaimAll(TASKS, GROUP, "alive", Duration.ofMillis(10), 1000);
        assertThat(r.entries()).hasSize(248);
        assertThat(r.deletedIds()).containsExactlyInAnyOrder(ids[5], ids[150]);
        assertThat(r.isComplete()).isTrue();
        assertThat(rs.groups().pending(TASKS, GROUP).consumers()).containsOnlyKeys("alive");
        assertThat(rs.groups().pending(TASKS, GROUP).count()).isEqualTo(248);
    }

    @Test
    void autoClaim_singleStepReturnsCursor() throws Exception {
        rs.groups().create(TASKS, GROUP, "$");
        for (int i = 0; i < 5; i++) {
            rs.publish(TASKS, Map.of("i", Integer.toString(i)));
        }
        rs.groups().read(TASKS, GROUP, "dead", 10, Duration.ZERO);
        Thread.sleep(20);
        AutoClaimResult first = rs.groups().autoClaim(TASKS, GROUP, "alive", Duration.ofMillis(5), "0-0", 2);
        assertThat(first.entries()).hasSize(2);
        assertThat(first.isComplete()).isFalse();
        AutoClaimResult rest = rs.groups().autoClaim(TASKS, GROUP, "alive", Duration.ofMillis(5), first.nextCursor(),
                10);
        assertThat(rest.entries()).hasSize(3);
    }

    @Test
    void pendingEntries_filtersByConsumerAndIdle() {
        rs.groups().create(TASKS, GROUP, "$");
        rs.publish(TASKS, Map.of("n", "a"));
        rs.publish(TASKS, Map.of("n", "b"));
        rs.groups().read(TASKS, GROUP, "w1", 1, Duration.ZERO);
        rs.groups().read(TASKS, GROUP, "w2", 1, Duration.ZERO);
        assertThat(rs.groups().pendingEntries(TASKS, GROUP, PendingQuery.first(10).withConsumer("w2")))
                .extracting(PendingEntry::consumer).containsExactly("w2");
        assertThat(rs.groups().pendingEntries(TASKS, GROUP, PendingQuery.first(10).withMinIdle(Duration.ofHours(1))))
                .isEmpty();
    }

    @Test
    void setId_rewindsTheGroup() {
        rs.groups().create(TASKS, GROUP, "$");
        rs.publish(TASKS, Map.of("n", "a"));
        rs.groups().read(TASKS, GROUP, "w1", 10, Duration.ZERO);
        rs.groups().setId(TASKS, GROUP, "0");
        assertThat(rs.groups().read(TASKS, GROUP, "w2", 10, Duration.ZERO)).hasSize(1);
    }

    @Test
    void badArguments_areRejectedNamingTheArgument() {
        assertThatThrownBy(() -> rs.groups().create(TASKS, "bad group", "$"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("group must be 1 to 128 characters");
        assertThatThrownBy(() -> rs.groups().ack(TASKS, GROUP, List.of()))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("ids must not be empty");
        assertThatThrownBy(() -> rs.groups().ack(TASKS, GROUP, List.of("1-0", "nope")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("ids[1]");
        assertThatThrownBy(() -> rs.groups().create(TASKS, GROUP, "soon"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("startId");
        assertThat(target().dbSize()).isZero();
    }
}
