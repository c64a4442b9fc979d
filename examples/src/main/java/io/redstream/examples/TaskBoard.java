package io.redstream.examples;

import io.redstream.core.RedStream;
import io.redstream.core.presence.AgentPresence;
import io.redstream.core.task.NewTask;
import io.redstream.core.task.Task;
import io.redstream.core.task.TaskEvent;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Two agents share a task board. {@code agent-alpha} claims the task, reports progress, and crashes before it
 * completes; {@code agent-beta} gets nothing while alpha's lease runs, then — once the 2-second lease has run out —
 * claims the same task as attempt 2 and completes it. The task's history tells the whole story.
 *
 * <p>Run: {@code mvn -q -pl examples exec:java -Dexample=io.redstream.examples.TaskBoard}.
 */
public final class TaskBoard {
    static final String BOARD = "boomerang";
    static final Duration LEASE = Duration.ofSeconds(2);

    private TaskBoard() {
    }

    public static void main(String[] args) throws Exception {
        try (ExampleRedis redis = ExampleRedis.start()) {
            run(redis.uri());
        }
    }

    /** Returns the finished task, as the board stores it. */
    static Task run(String uri) throws InterruptedException {
        try (RedStream planner = RedStream.builder().redisUri(uri).identity("planner").build()) {
            io.redstream.core.task.TaskBoard board = planner.tasks(BOARD);
            String id = board.create(NewTask.builder("Summarise ticket 42").payload(Map.of("ticket", 42))
                    .maxAttempts(3).build()).taskId();
            System.out.println("planner created task " + id + " on " + board.tasksStream());

            // agent-alpha: its own process, which dies holding the task
            try (RedStream alpha = RedStream.builder().redisUri(uri).identity("agent-alpha").build()) {
                Task task = alpha.tasks(BOARD).claim("agent-alpha", LEASE).orElseThrow();
                alpha.presence().heartbeat("agent-alpha", "busy", Duration.ofSeconds(2), Map.of("task", id));
                alpha.tasks(BOARD).progress("agent-alpha", id, "read the ticket");
                System.out.println("agent-alpha claimed " + task.taskId() + " (attempt " + task.attempt()
                        + "), reported progress ... and crashed");
            }

            // agent-beta: polls the board; the task comes back once alpha's lease has run out
            try (RedStream beta = RedStream.builder().redisUri(uri).identity("agent-beta").build()) {
                io.redstream.core.task.TaskBoard betaBoard = beta.tasks(BOARD);
                long start = System.nanoTime();
                Optional<Task> claimed;
                while ((claimed = betaBoard.claim("agent-beta", LEASE)).isEmpty()) {
                    beta.presence().heartbeat("agent-beta", "idle", Duration.ofSeconds(5), Map.of());
                    if (System.nanoTime() - start > Duration.ofSeconds(30).toNanos()) {
                        throw new IllegalStateException("the task never came back");
                    }
                    Thread.sleep(250);
                }
                Task task = claimed.get();
                System.out.printf("agent-beta claimed %s after %d ms (attempt %d); live agents: %s%n",
                        task.taskId(), Duration.ofNanos(System.nanoTime() - start).toMillis(), task.attempt(),
                        beta.presence().list().stream().map(AgentPresence::agent).toList());
                betaBoard.complete("agent-beta", task.taskId(), Map.of("summary", "customer wants a refund"),
                        "summarised");
            }

            Task done = board.get(id);
            System.out.println("task " + id + " is " + done.status().id() + " with " + done.result() + ":");
            for (TaskEvent e : done.history()) {
                System.out.printf("  %d %-8s attempt %d %s%s%n", e.seq(), e.type().id(), e.attempt(),
                        e.agent() == null ? "" : "by " + e.agent(), e.note() == null ? "" : " (" + e.note() + ")");
            }
            return done;
        }
    }
}
