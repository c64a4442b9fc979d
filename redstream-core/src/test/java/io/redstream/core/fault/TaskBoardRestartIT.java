package io.redstream.core.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redstream.core.RedStream;
import io.redstream.core.RedStreamConnectionException;
import io.redstream.core.lock.LockLease;
import io.redstream.core.task.NewTask;
import io.redstream.core.task.Task;
import io.redstream.core.task.TaskBoard;
import io.redstream.core.task.TaskEventType;
import io.redstream.core.task.TaskStatus;
import io.redstream.core.testing.BoardAudit;
import io.redstream.testkit.MutableClock;
import io.redstream.embedded.AppendFsync;
import io.redstream.testkit.RedisServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Redis with AOF ({@code appendfsync always}) is killed with SIGKILL and restarted in the middle of a board's life:
 * open, held, failed and done tasks, and a lock, come back as they were; leases keep their meaning; every task is
 * finished once and nothing is lost. Fencing tokens keep growing across the restart.
 */
class TaskBoardRestartIT {
    static final Duration LEASE = Duration.ofSeconds(30);

    @Test
    void redisKilledAndRestartedWithAof_theBoardContinuesWhereItWas() throws Exception {
        MutableClock clock = MutableClock.startingNow();
        try (RedisServerProcess redis = RedisServerProcess.builder().appendOnly(true)
                .appendFsync(AppendFsync.ALWAYS).start();
                RedStream rs = RedStream.builder().redisUri(redis.uri()).identity("restart-test").clock(clock)
                        .connectTimeout(Duration.ofMillis(300)).socketTimeout(Duration.ofSeconds(1)).build()) {
            TaskBoard board = rs.tasks("restart");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                ids.add(board.create(NewTask.builder("t" + i).maxAttempts(3).build()).taskId());
            }
            Task done = board.claim("alpha", LEASE).orElseThrow();
            board.complete("alpha", done.taskId(), Map.of("ok", true), null);
            Task failed = board.claim("alpha", LEASE).orElseThrow();
            board.fail("alpha", failed.taskId(), "flaky", Duration.ofSeconds(10));
            Task held = board.claim("beta", LEASE).orElseThrow();
            LockLease lock = rs.locks().acquire("nova:task:restart:lock:deploy", "alpha", LEASE).lease();
            Task before = board.get(held.taskId());

            redis.kill();
            assertThatThrownBy(() -> board.claim("gamma", LEASE)).isInstanceOf(RedStreamConnectionException.class);
            redis.restart();

            Task after = awaitGet(board, held.taskId());
            assertThat(after).isEqualTo(before);
            assertThat(board.get(done.taskId()).status()).isEqualTo(TaskStatus.DONE);
            assertThat(board.get(failed.taskId()).status()).isEqualTo(TaskStatus.FAILED);
            assertThat(board.progress("beta", held.taskId(), "still mine after the restart").status())
                    .isEqualTo(TaskStatus.IN_PROGRESS);
            assertThat(rs.locks().acquire("nova:task:restart:lock:deploy", "gamma", LEASE).holder())
                    .isEqualTo("alpha");
            assertThat(rs.locks().release(lock)).isTrue();
            assertThat(rs.locks().acquire("nova:task:restart:lock:deploy", "gamma", LEASE).lease().token())
                    .isGreaterThan(lock.token());

            clock.advance(LEASE);
            Optional<Task> t;
            int finished = 0;
            while ((t = board.claim("gamma", LEASE)).isPresent()) {
                board.complete("gamma", t.get().taskId(), null, null);
                finished++;
            }
            assertThat(finished).as("every task but the one done before the kill").isEqualTo(ids.size() - 1);
            BoardAudit audit = BoardAudit.of(rs, "restart").assertSettled();
            assertThat(audit.taskIds).containsExactlyElementsOf(ids);
            assertThat(audit.withStatus(TaskStatus.DONE)).containsExactlyInAnyOrderElementsOf(ids);
            ids.forEach(id -> assertThat(audit.tasks.get(id).history())
                    .filteredOn(e -> e.type() == TaskEventType.DONE).hasSize(1));
        }
    }

    private static Task awaitGet(TaskBoard board, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                return board.get(id);
            } catch (RedStreamConnectionException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }
}
