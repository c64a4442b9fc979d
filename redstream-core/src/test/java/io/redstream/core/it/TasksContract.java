package io.redstream.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redstream.core.InvalidArgumentException;
import io.redstream.core.InvalidNameException;
import io.redstream.core.LimitExceededException;
import io.redstream.core.NotFoundException;
import io.redstream.core.RedStream;
import io.redstream.core.stream.DeadLetterFields;
import io.redstream.core.stream.StreamEntry;
import io.redstream.core.task.CreatedTask;
import io.redstream.core.task.NewTask;
import io.redstream.core.task.SweepReport;
import io.redstream.core.task.Task;
import io.redstream.core.task.TaskBoard;
import io.redstream.core.task.TaskChange;
import io.redstream.core.task.TaskConflictException;
import io.redstream.core.task.TaskEvent;
import io.redstream.core.task.TaskEventFields;
import io.redstream.core.task.TaskEventType;
import io.redstream.core.task.TaskPage;
import io.redstream.core.task.TaskStatus;
import io.redstream.core.task.TaskSummary;
import io.redstream.testkit.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * The task board contract, run unchanged against a standalone Redis and a 3-master cluster (where the tasks
 * stream, each task's hash and the events stream hash to different slots). Leases run on an injected clock.
 */
abstract class TasksContract {
    static final String BOARD = "boomerang";
    static final Duration LEASE = Duration.ofSeconds(30);

    protected abstract RedisTarget target();

    MutableClock clock;
    RedStream rs;
    TaskBoard board;

    @BeforeEach
    void connect() {
        target().flushAll();
        clock = MutableClock.startingNow();
        rs = target().builder().identity("tasks-suite").clock(clock).build();
        board = rs.tasks(BOARD);
    }

    @AfterEach
    void disconnect() {
        rs.close();
    }

    // ------------------------------------------------------------------------------------------------- create, get

    @Test
    void create_storesAnOpenTaskWithItsDefinitionAndACreatedEvent() {
        CreatedTask created = board.create(NewTask.builder("Summarise ticket 42").description("the long one")
                .priority(5).payload(Map.of("ticket", 42, "tags", List.of("a", "b"))).maxAttempts(4)
                .traceId("trace-create-1").build());

        assertThat(created.board()).isEqualTo(BOARD);
        assertThat(created.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(created.traceId()).isEqualTo("trace-create-1");
        Task task = board.get(created.taskId());
        assertThat(task.taskId()).isEqualTo(created.taskId());
        assertThat(task.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(task.title()).isEqualTo("Summarise ticket 42");
        assertThat(task.description()).isEqualTo("the long one");
        assertThat(task.priority()).isEqualTo(5);
        assertThat(task.payload()).isEqualTo(Map.of("ticket", 42, "tags", List.of("a", "b")));
        assertThat(task.attempt()).isZero();
        assertThat(task.maxAttempts()).isEqualTo(4);
        assertThat(task.owner()).isNull();
        assertThat(task.leaseExpiresAt()).isNull();
        assertThat(task.traceId()).isEqualTo("trace-create-1");
        assertThat(task.createdAt()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(task.history()).extracting(TaskEvent::type).containsExactly(TaskEventType.CREATED);

        List<StreamEntry> events = rs.streams().range(board.eventsStream(), "-", "+", 10);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get(TaskEventFields.TASK_ID)).isEqualTo(created.taskId());
        assertThat(events.get(0).get(TaskEventFields.EVENT)).isEqualTo("created");
        assertThat(events.get(0).get(TaskEventFields.SEQ)).isEqualTo("1");
        assertThat(events.get(0).traceId()).isEqualTo("trace-create-1");
        assertThat(rs.streams().range(board.tasksStream(), "-", "+", 10)).extracting(StreamEntry::id)
                .containsExactly(created.taskId());
    }

    @Test
    void create_withoutTraceId_getsANewOneOnTaskAndEvents() {
        CreatedTask created = board.create(NewTask.of("t"));
        assertThat(created.traceId()).hasSize(32);
        assertThat(board.get(created.taskId()).traceId()).isEqualTo(created.traceId());
        assertThat(rs.streams().latest(board.eventsStream(), 1).get(0).traceId()).isEqualTo(created.traceId());
    }

    @Test
    void get_unknownTask_isNotFoundAndChangesNothing() {
        board.create(NewTask.of("t"));
        long keys = target().dbSize();
        assertThatThrownBy(() -> board.get("1-0")).isInstanceOf(NotFoundException.class)
                .hasMessage("task '1-0' does not exist on board 'boomerang'");
        assertThatThrownBy(() -> rs.tasks("other").get("1-0")).isInstanceOf(NotFoundException.class);
        assertThat(target().dbSize()).isEqualTo(keys);
    }

    @Test
    void get_malformedTaskId_isInvalidArgument() {
        assertThatThrownBy(() -> board.get("abc")).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("taskId must be a task id as returned by create (<ms>-<seq>, digits), but was 'abc'");
        assertThatThrownBy(() -> board.get("1-0:x")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> board.get(null)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("but was null");
    }

    // ------------------------------------------------------------------------------------------------- claim

    @Test
    void claim_emptyBoard_returnsNothingAndCreatesNothing() {
        assertThat(board.claim("alpha", LEASE)).isEmpty();
        assertThat(target().dbSize()).isZero();
    }

    @Test
    void claim_handsOutTheOldestTaskOnceWithALease() {
        String first = board.create(NewTask.of("first")).taskId();
        String second = board.create(NewTask.of("second")).taskId();

        Task a = board.claim("alpha", LEASE).orElseThrow();
        Task b = board.claim("beta", LEASE).orElseThrow();
        assertThat(board.claim("gamma", LEASE)).isEmpty();

        assertThat(a.taskId()).isEqualTo(first);
        assertThat(a.title()).isEqualTo("first");
        assertThat(a.status()).isEqualTo(TaskStatus.CLAIMED);
        assertThat(a.attempt()).isEqualTo(1);
        assertThat(a.owner()).isEqualTo("alpha");
        assertThat(a.leaseExpiresAt()).isEqualTo(clock.instant().plus(LEASE)
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(a.isHeldBy("alpha", clock.instant())).isTrue();
        assertThat(b.taskId()).isEqualTo(second);
        assertThat(pendingConsumers()).containsEntry(first, "alpha").containsEntry(second, "beta");
        assertThat(eventTypes(first)).containsExactly("created", "claimed");
    }

    @Test
    void claim_afterTheLeaseRanOut_handsTheTaskToTheNextAgentWithTheNextAttempt() {
        String id = board.create(NewTask.of("t")).taskId();
        board.claim("alpha", LEASE).orElseThrow();
        clock.advance(LEASE.minusMillis(1));
        assertThat(board.claim("beta", LEASE)).isEmpty();

        clock.advance(Duration.ofMillis(1));
        Task again = board.claim("beta", LEASE).orElseThrow();

        assertThat(again.taskId()).isEqualTo(id);
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(again.owner()).isEqualTo("beta");
        assertThat(again.history()).extracting(TaskEvent::type, TaskEvent::agent, TaskEvent::attempt).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TaskEventType.CREATED, null, 0),
                org.assertj.core.groups.Tuple.tuple(TaskEventType.CLAIMED, "alpha", 1),
                org.assertj.core.groups.Tuple.tuple(TaskEventType.EXPIRED, "alpha", 1),
                org.assertj.core.groups.Tuple.tuple(TaskEventType.CLAIMED, "beta", 2));
        assertThat(pendingConsumers()).containsExactly(Map.entry(id, "beta"));
        assertThat(eventTypes(id)).containsExactly("created", "claimed", "expired", "claimed");
    }

    @Test
    void claim_concurrentAgents_eachTaskGoesToExactlyOne() throws Exception {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            ids.add(board.create(NewTask.of("t" + i)).taskId());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Map<String, String> winners = new ConcurrentHashMap<>();
        List<String> duplicates = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int a = 0; a < 4; a++) {
                String agent = "agent-" + a;
                futures.add(pool.submit((Callable<Void>) () -> {
                    Optional<Task> t;
                    while ((t = rs.tasks(BOARD).claim(agent, LEASE)).isPresent()) {
                        if (winners.putIfAbsent(t.get().taskId(), agent) != null) {
                            duplicates.add(t.get().taskId());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(duplicates).isEmpty();
        assertThat(winners.keySet()).isEqualTo(ids);
        winners.forEach((id, agent) -> {
            Task t = board.get(id);
            assertThat(t.owner()).isEqualTo(agent);
            assertThat(t.attempt()).isEqualTo(1);
        });
    }

    @Test
    void claim_assignedTask_goesOnlyToItsAssignee() {
        String assigned = board.create(NewTask.builder("for beta").assignee("beta").build()).taskId();
        String open = board.create(NewTask.of("for anyone")).taskId();

        assertThat(board.claim("alpha", LEASE)).map(Task::taskId).hasValue(open);
        assertThat(board.claim("alpha", LEASE)).isEmpty();
        Task forBeta = board.claim("beta", LEASE).orElseThrow();
        assertThat(forBeta.taskId()).isEqualTo(assigned);
        assertThat(forBeta.assignee()).isEqualTo("beta");
        assertThat(pendingConsumers()).containsEntry(assigned, "beta");
    }

    @Test
    void claim_aForeignValueUnderATasksName_isSkippedNotFatal() {
        String spoiled = board.create(NewTask.of("spoiled")).taskId();
        String garbled = board.create(NewTask.of("garbled")).taskId();
        String fine = board.create(NewTask.of("fine")).taskId();
        board.claim("alpha", LEASE).orElseThrow();
        board.claim("alpha", LEASE).orElseThrow();
        clock.advance(LEASE);
        try (UnifiedJedis raw = target().raw()) {
            raw.del("nova:task:boomerang:task:" + spoiled);
            raw.set("nova:task:boomerang:task:" + spoiled, "not a hash");
            raw.hset("nova:task:boomerang:task:" + garbled, "status", "bogus");
        }

        assertThat(board.claim("beta", LEASE)).map(Task::taskId).hasValue(fine);
        assertThat(board.sweep().scanned()).isEqualTo(3);
        assertThat(board.claim("beta", LEASE)).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------- updates

    @Test
    void progress_renewsTheLeaseForItsLength() {
        String id = board.create(NewTask.of("t")).taskId();
        board.claim("alpha", LEASE).orElseThrow();
        clock.advance(Duration.ofSeconds(20));

        TaskChange change = board.progress("alpha", id, "halfway");
        assertThat(change.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(change.attempt()).isEqualTo(1);
        assertThat(change.leaseExpiresAt()).isEqualTo(clock.instant().plus(LEASE)
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

        clock.advance(Duration.ofSeconds(20));
        assertThat(board.claim("beta", LEASE)).isEmpty();
        Task task = board.get(id);
        assertThat(task.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(task.note()).isEqualTo("halfway");
        assertThat(task.history()).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo(TaskEventType.PROGRESS);
            assertThat(e.note()).isEqualTo("halfway");
        });
    }

    @Test
    void complete_isDoneOnceFinalAndAcknowledged() {
        String id = board.create(NewTask.of("t")).taskId();
        board.claim("alpha", LEASE).orElseThrow();
        board.progress("alpha", id, null);

        TaskChange done = board.complete("alpha", id, Map.of("summary", "ok", "score", 0.9), "finished");
        assertThat(done).isEqualTo(new TaskChange(id, TaskStatus.DONE, 1, null));

        Task task = board.get(id);
        assertThat(task.status()).isEqualTo(TaskStatus.DONE);
        assertThat(task.result()).isEqualTo(Map.of("summary", "ok", "score", 0.9));
        assertThat(task.note()).isEqualTo("finished");
        assertThat(task.owner()).isEqualTo("alpha");
        assertThat(pendingConsumers()).isEmpty();
        assertThat(eventTypes(id)).containsExactly("created", "claimed", "progress", "done");

        for (Runnable again : List.<Runnable>of(() -> board.complete("alpha", id, null, null),
                () -> board.progress("alpha", id, null), () -> board.fail("alpha", id, "late"))) {
            assertThatThrownBy(again::run).isInstanceOf(TaskConflictException.class)
                    .hasMessage("task '" + id + "' on board 'boomerang' is done (attempt 1, agent 'alpha'): done and"
                            + " dead tasks are final");
        }
        clock.advance(LEASE.multipliedBy(2));
        assertThat(board.claim("beta", LEASE)).isEmpty();
        assertThat(board.get(id)).isEqualTo(task);
    }

    @Test
    void update_byAFormerHolderAfterTakeover_isAConflictNamingTheNewHolderAndAttempt() {
        String id = board.create(NewTask.of("t")).taskId();
        board.claim("alpha", LEASE).orElseThrow();
        clock.advance(LEASE);
        board.claim("beta", LEASE).orElseThrow();
        Task before = board.get(id);

        assertThatThrownBy(() -> board.complete("alpha", id, Map.of("r", 1), null))
                .isInstanceOf(TaskConflictException.class)
                .hasMessage("task '" + id + "' on board 'boomerang' is held by agent 'beta' (attempt 2), not by"
                        + " 'alpha'")
                .satisfies(e -> {
                    TaskConflictException c = (TaskConflictException) e;
                    assertThat(c.holder()).isEqualTo("beta");
                    assertThat(c.attempt()).isEqualTo(2);
                    assertThat(c.status()).isEqualTo(TaskStatus.CLAIMED);
                });
        assertThatThrownBy(() -> board.progress("alpha", id, "still here")).isInstanceOf(TaskConflictException.class)
                .hasMessageContaining("held by agent 'beta' (attempt 2)");
        assertThat(board.get(id)).isEqualTo(before);
    }

    @Test
    void update_afterTheHoldersOwnLeaseRanOut_isAConflict() {
        String id = board.create(NewTask.of("t")).taskId();
        Task claimed = board.claim("alpha", LEASE).orElseThrow();
        clock.advance(LEASE);
        assertThatThrownBy(() -> board.progress("alpha", id, null)).isInstanceOf(TaskConflictException.class)
                .hasMessage("task '" + id + "' on board 'boomerang': the lease of agent 'alpha' on attempt 1 expired"
                        + " at " + claimed.leaseExpiresAt() + "; claim a task again");
        assertThat(board.get(id).status()).isEqualTo(TaskStatus.CLAIMED);
    }

    @Test
    void update_ofAnUnclaimedTaskOrAnUnknownOne_isRefusedAndChangesNothing() {
        String id = board.create(NewTask.of("t")).taskId();
        Task before = board.get(id);
        assertThatThrownBy(() -> board.progress("alpha", id, null)).isInstanceOf(TaskConflictException.class)
                .hasMessage("task '" + id + "' on board 'boomerang' is not held by agent 'alpha': it is open"
                        + " (attempt 0) and waits for a claim");
        assertThatThrownBy(() -> board.complete("alpha", "1-0", null, null)).isInstanceOf(NotFoundException.class)
                .hasMessage("task '1-0' does not exist on board 'boomerang'");
        assertThat(board.get(id)).isEqualTo(before);
        assertThat(rs.streams().length(board.eventsStream())).isEqualTo(1);
    }

    @Test
    void fail_isRetriedUntilMaxAttemptsThenDeadWithADeadLetter() {
        String id = board.create(NewTask.builder("flaky").maxAttempts(2).build()).taskId();
        board.claim("alpha", LEASE).orElseThrow();
        TaskChange failed = board.fail("alpha", id, "timeout talking to the API");
        assertThat(failed).isEqualTo(new TaskChange(id, TaskStatus.FAILED, 1, null));
        assertThat(board.get(id).status()).isEqualTo(TaskStatus.FAILED);
        assertThat(board.get(id).retryAt()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

        Task retry = board.claim("beta", LEASE).orElseThrow();
        assertThat(retry.taskId()).isEqualTo(id);
        assertThat(retry.attempt()).isEqualTo(2);
        TaskChange dead = board.fail("beta", id, "still failing");
        assertThat(dead.status()).isEqualTo(TaskStatus.DEAD);

        Task task = board.get(id);
        assertThat(task.status()).isEqualTo(TaskStatus.DEAD);
        assertThat(task.owner()).isEqualTo("beta");
        assertThat(pendingConsumers()).isEmpty();
        assertThat(board.claim("gamma", LEASE)).isEmpty();
        List<StreamEntry> dlq = rs.streams().range(board.deadLetterStream(), "-", "+", 10);
        assertThat(dlq).hasSize(1);
        assertThat(dlq.get(0).get(TaskEventFields.TASK_ID)).isEqualTo(id);
        assertThat(dlq.get(0).get(DeadLetterFields.REASON)).isEqualTo("still failing");
        assertThat(dlq.get(0).get(DeadLetterFields.DELIVERIES)).isEqualTo("2");
        assertThat(dlq.get(0).get(DeadLetterFields.ORIGINAL_ID)).isEqualTo(id);
        assertThat(eventTypes(id)).containsExactly("created", "claimed", "failed", "claimed", "failed", "dead");
        assertThatThrownBy(() -> board.progress("beta", id, null)).isInstanceOf(TaskConflictException.class)
                .hasMessageContaining("is dead (attempt 2, agent 'beta'): done and dead tasks are final");
    }

    @Test
    void fail_withARetryDelay_isNotClaimableUntilDue() {
        String id = board.create(NewTask.of("t")).taskId();
        board.claim("alpha", LEASE).orElseThrow();
        board.fail("alpha", id, "rate limited", Duration.ofMinutes(1));
        clock.advance(Duration.ofSeconds(59));
        assertThat(board.claim("beta", LEASE)).isEmpty();
        assertThatThrownBy(() -> board.progress("alpha", id, null)).isInstanceOf(TaskConflictException.class)
                .hasMessageContaining("it is failed (attempt 1) and waits for its retry");
        clock.advance(Duration.ofSeconds(1));
        assertThat(board.claim("beta", LEASE)).map(Task::attempt).hasValue(2);
    }

    @Test
    void expiry_onTheLastAttempt_killsTheTask() {
        String id = board.create(NewTask.builder("crashes its agents").maxAttempts(1).build()).taskId();
        board.claim("alpha", LEASE).orElseThrow();
        clock.advance(LEASE);

        assertThat(board.claim("beta", LEASE)).isEmpty();
        Task task = board.get(id);
        assertThat(task.status()).isEqualTo(TaskStatus.DEAD);
        assertThat(task.note()).isEqualTo("lease expired on the final attempt");
        assertThat(eventTypes(id)).containsExactly("created", "claimed", "expired", "dead");
        List<StreamEntry> dlq = rs.streams().range(board.deadLetterStream(), "-", "+", 10);
        assertThat(dlq).singleElement().satisfies(e ->
                assertThat(e.get(DeadLetterFields.REASON)).isEqualTo("lease expired on the final attempt"));
        assertThat(pendingConsumers()).isEmpty();
    }

    @Test
    void update_dispatchesByStatus_andRefusesOtherStatuses() {
        String id = board.create(NewTask.of("t")).taskId();
        board.claim("alpha", LEASE).orElseThrow();
        assertThat(board.update("alpha", id, TaskStatus.IN_PROGRESS, "n", null).status())
                .isEqualTo(TaskStatus.IN_PROGRESS);
        assertThatThrownBy(() -> board.update("alpha", id, TaskStatus.OPEN, null, null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("status must be one of [in_progress, done, failed], but was open");
        assertThatThrownBy(() -> board.update("alpha", id, TaskStatus.FAILED, null, Map.of("r", 1)))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("result may be given only with status done, but status was failed");
        assertThat(board.update("alpha", id, TaskStatus.DONE, null, Map.of("r", 1)).status())
                .isEqualTo(TaskStatus.DONE);
    }

    // ------------------------------------------------------------------------------------------------- list, sweep

    @Test
    void list_pagesThroughTasksOldestFirst_filteredByStatus() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(board.create(NewTask.of("t" + i)).taskId());
        }
        board.claim("alpha", LEASE).orElseThrow();
        board.claim("beta", LEASE).orElseThrow();
        board.complete("beta", ids.get(1), null, null);

        List<TaskSummary> all = new ArrayList<>();
        String cursor = "0";
        int pages = 0;
        do {
            TaskPage page = board.list(null, cursor, 2);
            assertThat(page.tasks().size()).isLessThanOrEqualTo(2);
            all.addAll(page.tasks());
            cursor = page.cursor();
            pages++;
        } while (!cursor.equals("0"));
        assertThat(pages).isEqualTo(3);
        assertThat(all).extracting(TaskSummary::taskId).containsExactlyElementsOf(ids);
        assertThat(all.get(0)).isEqualTo(new TaskSummary(ids.get(0), TaskStatus.CLAIMED, "alpha", "t0", 1));
        assertThat(all.get(1)).isEqualTo(new TaskSummary(ids.get(1), TaskStatus.DONE, "beta", "t1", 1));
        assertThat(all.get(2)).isEqualTo(new TaskSummary(ids.get(2), TaskStatus.OPEN, null, "t2", 0));

        TaskPage open = board.list(TaskStatus.OPEN, "0", 10);
        assertThat(open.tasks()).extracting(TaskSummary::taskId).containsExactlyElementsOf(ids.subList(2, 5));
        assertThat(open.isComplete()).isTrue();
        assertThat(board.list(TaskStatus.DEAD, "0", 10)).isEqualTo(new TaskPage(List.of(), "0"));
        assertThat(rs.tasks("empty").list(null, "0", 10)).isEqualTo(new TaskPage(List.of(), "0"));
    }

    @Test
    void list_badArguments_areRefused() {
        assertThatThrownBy(() -> board.list(null, "0", 0)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("count must be between 1 and");
        assertThatThrownBy(() -> board.list(null, "0", rs.limits().maxCount() + 1))
                .isInstanceOf(LimitExceededException.class);
        assertThatThrownBy(() -> board.list(null, "page-2", 10)).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("cursor must be a stream id like 1700000000000-0, but was 'page-2'");
    }

    @Test
    void sweep_recordsExpiredLeasesWithoutClaiming() {
        String kept = board.create(NewTask.of("kept")).taskId();
        String expiring = board.create(NewTask.of("expiring")).taskId();
        String dying = board.create(NewTask.builder("dying").maxAttempts(1).build()).taskId();
        board.claim("alpha", Duration.ofMinutes(10)).orElseThrow();
        board.claim("beta", LEASE).orElseThrow();
        board.claim("gamma", LEASE).orElseThrow();
        clock.advance(LEASE);

        SweepReport report = board.sweep();

        assertThat(report.scanned()).isEqualTo(3);
        assertThat(report.expired()).isEqualTo(2);
        assertThat(report.dead()).isEqualTo(1);
        assertThat(board.get(kept).status()).isEqualTo(TaskStatus.CLAIMED);
        Task open = board.get(expiring);
        assertThat(open.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(open.owner()).isNull();
        assertThat(open.attempt()).isEqualTo(1);
        assertThat(board.get(dying).status()).isEqualTo(TaskStatus.DEAD);
        assertThat(rs.streams().length(board.deadLetterStream())).isEqualTo(1);
        assertThat(board.sweep()).isEqualTo(new SweepReport(2, 0, 0, 0));
        assertThat(board.claim("delta", LEASE)).map(Task::taskId).hasValue(expiring);
    }

    // ------------------------------------------------------------------------------------------------- bad input

    @Test
    void boardNames_mustBeOneEntitySegment() {
        for (String bad : List.of("", "a:b", "a b", "board.1", "x".repeat(129))) {
            assertThatThrownBy(() -> rs.tasks(bad)).isInstanceOf(InvalidNameException.class)
                    .hasMessageContaining("board name '").hasMessageContaining("is invalid: must be 1 to 128"
                            + " characters of [A-Za-z0-9_-]");
        }
        assertThatThrownBy(() -> rs.tasks(null)).isInstanceOf(InvalidNameException.class)
                .hasMessageContaining("board name null is invalid");
        assertThat(rs.tasks("a-b_1").tasksStream()).isEqualTo("nova:task:a-b_1:tasks");
        assertThat(rs.tasks("a-b_1").deadLetterStream()).isEqualTo("nova:task:a-b_1:tasks:dlq");
    }

    @Test
    void leasesAgentsAndNotes_outOfBounds_areRefusedAndChangeNothing() {
        String id = board.create(NewTask.of("t")).taskId();
        board.claim("alpha", LEASE).orElseThrow();
        Task before = board.get(id);
        long keys = target().dbSize();
        long events = rs.streams().length(board.eventsStream());

        assertThatThrownBy(() -> board.claim("beta", Duration.ofMillis(999))).isInstanceOf(
                InvalidArgumentException.class).hasMessage("lease must be between 1 s and 24 h, but was 999 ms");
        assertThatThrownBy(() -> board.claim("beta", Duration.ofHours(25))).isInstanceOf(
                InvalidArgumentException.class).hasMessage("lease must be between 1 s and 24 h, but was 25 h");
        assertThatThrownBy(() -> board.claim("beta", null)).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("lease must be between 1 s and 24 h, but was null");
        assertThatThrownBy(() -> board.claim("be ta", LEASE)).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("agent must be 1 to 128 characters of [A-Za-z0-9_-] (an entity segment of the agent"
                        + " domain), but was 'be ta'");
        assertThatThrownBy(() -> board.progress("alpha", id, "n".repeat(TaskBoard.MAX_NOTE_LENGTH + 1)))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("note must be at most 4096 characters, but had 4097");
        assertThatThrownBy(() -> board.fail("alpha", id, "n", Duration.ofMillis(-1)))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("retryDelay must be between 0 ms and 24 h, but was -1 ms");
        assertThatThrownBy(() -> board.complete("alpha", id, Map.of("big", "x".repeat(rs.limits().maxValueBytes())),
                null)).isInstanceOf(LimitExceededException.class);
        assertThatThrownBy(() -> board.create(NewTask.builder("big").payload(Map.of("p", "x".repeat(
                rs.limits().maxMessageBytes()))).build())).isInstanceOf(LimitExceededException.class);

        assertThat(board.get(id)).isEqualTo(before);
        assertThat(target().dbSize()).isEqualTo(keys);
        assertThat(rs.streams().length(board.eventsStream())).isEqualTo(events);
        assertThat(rs.streams().length(board.tasksStream())).isEqualTo(1);
    }

    @Test
    void newTask_badValues_areRefusedWhereTheyArrive() {
        assertThatThrownBy(() -> NewTask.of(" ")).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("title must not be blank, but was ' '");
        assertThatThrownBy(() -> NewTask.of("t".repeat(513))).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("title must be at most 512 characters, but had 513");
        assertThatThrownBy(() -> NewTask.builder("t").maxAttempts(0)).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("maxAttempts must be between 1 and 100, but was 0");
        assertThatThrownBy(() -> NewTask.builder("t").assignee("a:b")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("assignee must be 1 to 128 characters of [A-Za-z0-9_-]");
        assertThatThrownBy(() -> NewTask.builder("t").traceId("")).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("traceId must be 1 to 128 characters, but had 0");
        Map<String, Object> withNull = new java.util.HashMap<>();
        withNull.put("k", null);
        assertThatThrownBy(() -> NewTask.builder("t").payload(withNull)).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("payload value of 'k' must not be null; omit it instead");
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /** Pending entries of the board's group: task id to consumer. */
    Map<String, String> pendingConsumers() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        try (UnifiedJedis raw = target().raw()) {
            if (!raw.exists(board.tasksStream())) {
                return out;
            }
            raw.xpending(board.tasksStream(), TaskBoard.GROUP, redis.clients.jedis.params.XPendingParams
                    .xPendingParams().count(1000)).forEach(p -> out.put(p.getID().toString(), p.getConsumerName()));
        }
        return out;
    }

    /** Event types of one task on the events stream, in stream order. */
    List<String> eventTypes(String taskId) {
        return rs.streams().range(board.eventsStream(), "-", "+", 1000).stream()
                .filter(e -> taskId.equals(e.get(TaskEventFields.TASK_ID))).map(e -> e.get(TaskEventFields.EVENT))
                .toList();
    }
}
