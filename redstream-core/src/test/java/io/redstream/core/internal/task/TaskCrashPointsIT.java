package io.redstream.core.internal.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redstream.core.RedStream;
import io.redstream.core.stream.StreamEntry;
import io.redstream.core.task.NewTask;
import io.redstream.core.task.Task;
import io.redstream.core.task.TaskBoard;
import io.redstream.core.task.TaskEvent;
import io.redstream.core.task.TaskEventType;
import io.redstream.core.task.TaskStatus;
import io.redstream.core.testing.BoardAudit;
import io.redstream.testkit.MutableClock;
import io.redstream.testkit.RedisServerExtension;
import io.redstream.testkit.RedisServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A process dying between two steps of a board operation, simulated by a hook that throws at the step: the board
 * instance that crashed is dropped (as its process would be), and another agent's claims and sweeps must repair
 * what it left — no task lost, none done twice, every event published, every dead task dead-lettered.
 */
@ExtendWith(RedisServerExtension.class)
class TaskCrashPointsIT {
    static final String BOARD = "crashes";
    static final Duration LEASE = Duration.ofSeconds(30);

    /** What the hook throws: the process "dies" here. */
    static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Crash(TaskStep step) {
            super("simulated crash at " + step, null, false, false);
        }
    }

    private final RedisServerProcess redis;
    private MutableClock clock;
    private RedStream rs;
    private TaskBoard survivor;

    TaskCrashPointsIT(RedisServerProcess redis) {
        this.redis = redis;
    }

    @BeforeEach
    void start() {
        redis.flushAll();
        clock = MutableClock.startingNow();
        rs = RedStream.builder().redisUri(redis.uri()).identity("crash-test").clock(clock).build();
        survivor = rs.tasks(BOARD);
    }

    @AfterEach
    void stop() {
        rs.close();
    }

    /** A board whose process dies the {@code occurrence}-th time it reaches {@code step}. */
    private TaskBoard crashingAt(TaskStep step, int occurrence) {
        int[] seen = {0};
        return ((DefaultTaskBoard) rs.tasks(BOARD)).withHook(s -> {
            if (s == step && ++seen[0] == occurrence) {
                throw new Crash(s);
            }
        });
    }

    private TaskBoard crashingAt(TaskStep step) {
        return crashingAt(step, 1);
    }

    /** What another agent does after the crash: wait out leases and the repair delay, sweep, finish everything. */
    private void recover() {
        for (int round = 0; round < 5; round++) {
            clock.advance(LEASE.plus(TaskBoard.REPAIR_AFTER));
            survivor.sweep();
            Optional<Task> t;
            while ((t = survivor.claim("survivor", LEASE)).isPresent()) {
                survivor.complete("survivor", t.get().taskId(), Map.of("by", "survivor"), null);
            }
        }
    }

    private BoardAudit audit() {
        return BoardAudit.of(rs, BOARD);
    }

    // ------------------------------------------------------------------------------------------------- every step

    /** How often {@link #workload} reaches each step. */
    static final Map<TaskStep, Integer> REACHED = Map.of(TaskStep.CREATE_APPENDED, 3, TaskStep.RECORD_CREATED, 3,
            TaskStep.CLAIM_DELIVERED, 3, TaskStep.CLAIM_RECORDED, 3, TaskStep.UPDATE_RECORDED, 4,
            TaskStep.DEAD_LETTERED, 1, TaskStep.EVENTS_PUBLISHED, 10, TaskStep.BEFORE_ACK, 2);

    /**
     * A whole workload by an agent that dies the n-th time it reaches a step, for every step and every time the
     * workload reaches it (so every operation that passes the step is hit): after recovery the board is settled.
     */
    @ParameterizedTest(name = "crash at {0} #{1}")
    @MethodSource("everyStep")
    void anyCrashPoint_isRepairedByTheNextClaimsAndSweeps(TaskStep step, int occurrence) {
        boolean crashed = workload(crashingAt(step, occurrence));
        assertThat(crashed).as("the workload reaches %s %d times", step, occurrence).isTrue();
        audit().assertConsistent();

        recover();

        BoardAudit after = audit().assertSettled();
        assertThat(after.taskIds).as("tasks created before the crash").isNotEmpty();
        for (String id : after.withStatus(TaskStatus.DONE)) {
            assertThat(after.tasks.get(id).history()).filteredOn(e -> e.type() == TaskEventType.DONE).hasSize(1);
        }
    }

    @Test
    void workload_withoutACrash_settlesWithEveryEventOnce() {
        assertThat(workload(survivor)).isFalse();
        recover();
        BoardAudit after = audit().assertSettled();
        assertThat(after.taskIds).hasSize(3);
        assertThat(after.withStatus(TaskStatus.DEAD)).hasSize(1);
        assertThat(after.deadLetters).hasSize(1);
        after.taskIds.forEach(id -> assertThat(after.duplicateEvents(id)).isZero());
    }

    /** Returns whether the agent crashed. */
    private boolean workload(TaskBoard ghost) {
        try {
            ghost.create(NewTask.of("completes"));
            ghost.create(NewTask.builder("dies").maxAttempts(1).build());
            ghost.create(NewTask.of("fails once"));
            String first = ghost.claim("ghost", LEASE).orElseThrow().taskId();
            ghost.progress("ghost", first, "working");
            ghost.complete("ghost", first, Map.of("by", "ghost"), null);
            String second = ghost.claim("ghost", LEASE).orElseThrow().taskId();
            ghost.fail("ghost", second, "poison");
            String third = ghost.claim("ghost", LEASE).orElseThrow().taskId();
            ghost.fail("ghost", third, "flaky");
            return false;
        } catch (Crash expected) {
            return true; // the agent's process is gone; what it left is on the board
        }
    }

    static Stream<Arguments> everyStep() {
        List<Arguments> out = new ArrayList<>();
        for (TaskStep step : TaskStep.values()) {
            for (int n = 1; n <= REACHED.get(step); n++) {
                out.add(Arguments.of(step, n));
            }
        }
        return out.stream();
    }

    // ------------------------------------------------------------------------------------------------- create

    @Test
    void create_crashAfterAppend_theClaimCreatesTheMissingRecord() {
        assertThatThrownBy(() -> crashingAt(TaskStep.CREATE_APPENDED).create(NewTask.builder("orphan")
                .payload(Map.of("k", 1)).traceId("trace-orphan").build())).isInstanceOf(Crash.class);
        String id = rs.streams().range(survivor.tasksStream(), "-", "+", 10).get(0).id();
        Task derived = survivor.get(id);
        assertThat(derived.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(derived.history()).isEmpty();
        assertThat(survivor.list(TaskStatus.OPEN, "0", 10).tasks()).hasSize(1);

        Task claimed = survivor.claim("survivor", LEASE).orElseThrow();

        assertThat(claimed.taskId()).isEqualTo(id);
        assertThat(claimed.title()).isEqualTo("orphan");
        assertThat(claimed.payload()).isEqualTo(Map.of("k", 1));
        assertThat(claimed.traceId()).isEqualTo("trace-orphan");
        assertThat(claimed.history()).extracting(TaskEvent::type).containsExactly(TaskEventType.CREATED,
                TaskEventType.CLAIMED);
        survivor.complete("survivor", id, null, null);
        audit().assertSettled();
    }

    @Test
    void create_crashAfterRecord_theCreatedEventIsPublishedBeforeTheTaskLeavesThePendingList() {
        assertThatThrownBy(() -> crashingAt(TaskStep.RECORD_CREATED).create(NewTask.of("t")))
                .isInstanceOf(Crash.class);
        String id = survivor.claim("survivor", LEASE).orElseThrow().taskId();
        survivor.complete("survivor", id, null, null);
        BoardAudit early = audit();
        assertThat(early.events.get(id)).extracting(e -> e.get("event")).containsExactly("claimed", "done");
        assertThat(early.pending).as("kept pending while its created event is unpublished").isEqualTo(1);

        clock.advance(TaskBoard.REPAIR_AFTER);
        assertThat(survivor.sweep().repaired()).isEqualTo(1);
        BoardAudit after = audit().assertSettled();
        assertThat(after.duplicateEvents(id)).isZero();
    }

    // ------------------------------------------------------------------------------------------------- claim

    @Test
    void claim_crashAfterDelivery_theTaskIsClaimableAtOnce() {
        String id = survivor.create(NewTask.of("t")).taskId();
        assertThatThrownBy(() -> crashingAt(TaskStep.CLAIM_DELIVERED).claim("ghost", LEASE))
                .isInstanceOf(Crash.class);
        assertThat(pendingConsumer(id)).isEqualTo("ghost");
        assertThat(survivor.get(id).status()).isEqualTo(TaskStatus.OPEN);

        Task t = survivor.claim("survivor", LEASE).orElseThrow();
        assertThat(t.taskId()).isEqualTo(id);
        assertThat(t.attempt()).as("the crashed delivery cost no attempt").isEqualTo(1);
        assertThat(pendingConsumer(id)).isEqualTo("survivor");
    }

    @Test
    void claim_crashAfterRecreatingAMissingRecord_theTaskIsClaimableAtOnce() {
        assertThatThrownBy(() -> crashingAt(TaskStep.CREATE_APPENDED).create(NewTask.of("t")))
                .isInstanceOf(Crash.class);
        assertThatThrownBy(() -> crashingAt(TaskStep.RECORD_CREATED).claim("ghost", LEASE))
                .isInstanceOf(Crash.class);
        Task t = survivor.claim("survivor", LEASE).orElseThrow();
        assertThat(t.attempt()).isEqualTo(1);
        survivor.complete("survivor", t.taskId(), null, null);
        clock.advance(TaskBoard.REPAIR_AFTER);
        survivor.sweep();
        audit().assertSettled();
    }

    @Test
    void claim_crashAfterRecording_theTaskWaitsForTheLeaseThenGoesToTheNextAgent() {
        String id = survivor.create(NewTask.of("t")).taskId();
        assertThatThrownBy(() -> crashingAt(TaskStep.CLAIM_RECORDED).claim("ghost", LEASE))
                .isInstanceOf(Crash.class);
        assertThat(survivor.get(id).owner()).isEqualTo("ghost");
        assertThat(survivor.claim("survivor", LEASE)).as("held by the dead claimer's lease").isEmpty();

        clock.advance(LEASE);
        Task t = survivor.claim("survivor", LEASE).orElseThrow();
        assertThat(t.attempt()).isEqualTo(2);
        assertThat(t.history()).extracting(TaskEvent::type, TaskEvent::agent).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TaskEventType.CREATED, null),
                org.assertj.core.groups.Tuple.tuple(TaskEventType.CLAIMED, "ghost"),
                org.assertj.core.groups.Tuple.tuple(TaskEventType.EXPIRED, "ghost"),
                org.assertj.core.groups.Tuple.tuple(TaskEventType.CLAIMED, "survivor"));
        survivor.complete("survivor", id, null, null);
        clock.advance(TaskBoard.REPAIR_AFTER);
        survivor.sweep();
        audit().assertSettled();
    }

    @Test
    void claim_crashOfAReclaimBeforeMovingThePendingEntry_theRecordDecides() {
        String id = survivor.create(NewTask.of("t")).taskId();
        survivor.claim("first", LEASE).orElseThrow();
        clock.advance(LEASE);
        assertThatThrownBy(() -> crashingAt(TaskStep.CLAIM_RECORDED).claim("ghost", LEASE))
                .isInstanceOf(Crash.class);
        assertThat(pendingConsumer(id)).as("the pending entry still names the previous holder").isEqualTo("first");
        assertThatThrownBy(() -> survivor.progress("first", id, null))
                .hasMessageContaining("held by agent 'ghost' (attempt 2)");

        clock.advance(LEASE);
        assertThat(survivor.claim("survivor", LEASE)).map(Task::attempt).hasValue(3);
        assertThat(pendingConsumer(id)).isEqualTo("survivor");
    }

    // ------------------------------------------------------------------------------------------------- updates

    @Test
    void complete_crashAfterRecording_isDoneOnceAndTheNextClaimFinishesIt() {
        String id = survivor.create(NewTask.of("t")).taskId();
        survivor.claim("ghost", LEASE).orElseThrow();
        assertThatThrownBy(() -> crashingAt(TaskStep.UPDATE_RECORDED).complete("ghost", id, Map.of("r", 1), null))
                .isInstanceOf(Crash.class);
        assertThat(survivor.get(id).status()).isEqualTo(TaskStatus.DONE);
        assertThat(audit().pending).isEqualTo(1);
        assertThat(survivor.claim("survivor", LEASE)).as("a done task is never handed out again").isEmpty();

        clock.advance(TaskBoard.REPAIR_AFTER);
        assertThat(survivor.claim("survivor", LEASE)).isEmpty();
        BoardAudit after = audit().assertSettled();
        assertThat(after.tasks.get(id).result()).isEqualTo(Map.of("r", 1));
        assertThat(after.duplicateEvents(id)).isZero();
    }

    @Test
    void complete_crashAfterPublishingEvents_repairRepeatsOnlyIdenticalEvents() {
        String id = survivor.create(NewTask.of("t")).taskId();
        survivor.claim("ghost", LEASE).orElseThrow();
        assertThatThrownBy(() -> crashingAt(TaskStep.EVENTS_PUBLISHED).complete("ghost", id, null, null))
                .isInstanceOf(Crash.class);
        clock.advance(TaskBoard.REPAIR_AFTER);
        survivor.sweep();
        BoardAudit after = audit().assertSettled();
        assertThat(after.duplicateEvents(id)).isEqualTo(1);
        List<StreamEntry> done = after.events.get(id).stream().filter(e -> "done".equals(e.get("event"))).toList();
        assertThat(done).hasSize(2);
        assertThat(done.get(0).get("seq")).isEqualTo(done.get(1).get("seq"));
    }

    @Test
    void complete_crashBeforeTheAck_isAcknowledgedByRepair() {
        String id = survivor.create(NewTask.of("t")).taskId();
        survivor.claim("ghost", LEASE).orElseThrow();
        assertThatThrownBy(() -> crashingAt(TaskStep.BEFORE_ACK).complete("ghost", id, null, null))
                .isInstanceOf(Crash.class);
        assertThat(audit().pending).isEqualTo(1);
        clock.advance(TaskBoard.REPAIR_AFTER);
        assertThat(survivor.sweep().repaired()).isEqualTo(1);
        assertThat(audit().assertSettled().duplicateEvents(id)).isZero();
    }

    @Test
    void fail_onTheLastAttempt_crashAfterRecording_theRepairDeadLettersIt() {
        String id = survivor.create(NewTask.builder("t").maxAttempts(1).build()).taskId();
        survivor.claim("ghost", LEASE).orElseThrow();
        assertThatThrownBy(() -> crashingAt(TaskStep.UPDATE_RECORDED).fail("ghost", id, "poison"))
                .isInstanceOf(Crash.class);
        assertThat(audit().deadLetters).isEmpty();
        clock.advance(TaskBoard.REPAIR_AFTER);
        survivor.sweep();
        BoardAudit after = audit().assertSettled();
        assertThat(after.deadLetters).singleElement().satisfies(d ->
                assertThat(d.get("_dlq_reason")).isEqualTo("poison"));
    }

    @Test
    void fail_onTheLastAttempt_crashAfterTheDeadLetter_leavesAtMostADuplicateDeadLetter() {
        String id = survivor.create(NewTask.builder("t").maxAttempts(1).build()).taskId();
        survivor.claim("ghost", LEASE).orElseThrow();
        assertThatThrownBy(() -> crashingAt(TaskStep.DEAD_LETTERED).fail("ghost", id, "poison"))
                .isInstanceOf(Crash.class);
        clock.advance(TaskBoard.REPAIR_AFTER);
        survivor.sweep();
        BoardAudit after = audit().assertSettled();
        assertThat(after.deadLetters).hasSize(2).allSatisfy(d -> assertThat(d.get("task_id")).isEqualTo(id));
    }

    @Test
    void fail_crashAfterRecording_theRetryIsClaimable() {
        String id = survivor.create(NewTask.of("t")).taskId();
        survivor.claim("ghost", LEASE).orElseThrow();
        assertThatThrownBy(() -> crashingAt(TaskStep.UPDATE_RECORDED).fail("ghost", id, "flaky"))
                .isInstanceOf(Crash.class);
        assertThat(survivor.claim("survivor", LEASE)).map(Task::attempt).hasValue(2);
    }

    @Test
    void sweep_crashWhileExpiringALastAttempt_theNextSweepFinishesIt() {
        String id = survivor.create(NewTask.builder("t").maxAttempts(1).build()).taskId();
        survivor.claim("ghost", LEASE).orElseThrow();
        clock.advance(LEASE);
        assertThatThrownBy(() -> crashingAt(TaskStep.DEAD_LETTERED).sweep()).isInstanceOf(Crash.class);
        assertThat(survivor.get(id).status()).isEqualTo(TaskStatus.DEAD);
        clock.advance(TaskBoard.REPAIR_AFTER);
        survivor.sweep();
        audit().assertSettled();
    }

    private String pendingConsumer(String id) {
        return rs.groups().pendingEntries(survivor.tasksStream(), TaskBoard.GROUP,
                io.redstream.core.stream.PendingQuery.first(100)).stream().filter(p -> p.id().equals(id))
                .map(io.redstream.core.stream.PendingEntry::consumer).findFirst().orElse(null);
    }
}
