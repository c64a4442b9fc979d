package io.redstream.core.fault;

import io.redstream.core.RedStream;
import io.redstream.core.task.Task;
import io.redstream.core.task.TaskBoard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An agent in its own JVM, for the kill -9 test: it claims two tasks at a time, reports progress, does the work
 * (recorded in a side-effect stream, which the test counts), then completes them. Runs until killed.
 *
 * <p>Arguments: redis URI, agent name.
 */
public final class AgentProcessMain {
    static final String BOARD = "fault";
    static final String WORK = "nova:task:fault:work-done";
    static final Duration LEASE = Duration.ofSeconds(2);

    private AgentProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        String uri = args[0];
        String agent = args[1];
        RedStream rs = RedStream.builder().redisUri(uri).identity(agent).build();
        TaskBoard board = rs.tasks(BOARD);
        System.out.println("READY");
        System.out.flush();
        while (true) {
            List<Task> held = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Optional<Task> t = board.claim(agent, LEASE);
                t.ifPresent(task -> {
                    held.add(task);
                    System.out.println("CLAIMED " + task.taskId());
                });
            }
            if (held.isEmpty()) {
                Thread.sleep(20);
                continue;
            }
            for (Task t : held) {
                board.progress(agent, t.taskId(), "working");
                Thread.sleep(50); // the work: long enough for the test to kill the agent in the middle of it
                rs.publish(WORK, Map.of("task_id", t.taskId(), "by", agent));
            }
            for (Task t : held) {
                board.complete(agent, t.taskId(), Map.of("by", agent), null);
                System.out.println("DONE " + t.taskId());
            }
        }
    }
}
