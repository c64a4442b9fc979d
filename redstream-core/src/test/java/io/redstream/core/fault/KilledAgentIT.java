package io.redstream.core.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redstream.core.RedStream;
import io.redstream.core.stream.StreamEntry;
import io.redstream.core.task.NewTask;
import io.redstream.core.task.Task;
import io.redstream.core.task.TaskBoard;
import io.redstream.core.task.TaskEventType;
import io.redstream.core.task.TaskStatus;
import io.redstream.core.testing.BoardAudit;
import io.redstream.testkit.RedisServerProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An agent JVM holding tasks is killed with SIGKILL; a second agent (this JVM) completes every task once the dead
 * agent's leases run out. Each task must end {@code done} exactly once with nothing lost, and the work may be
 * repeated only for the tasks the killed agent held when it died.
 */
class KilledAgentIT {
    static final int TASKS = 60;

    @Test
    void agentKilledHoldingTasks_anotherAgentFinishesEveryTaskOnce() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start();
                RedStream rs = RedStream.builder().redisUri(redis.uri()).identity("rescuer").build()) {
            TaskBoard board = rs.tasks(AgentProcessMain.BOARD);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                ids.add(board.create(NewTask.builder("task " + i).maxAttempts(5).build()).taskId());
            }

            Set<String> doneByVictim = ConcurrentHashMap.newKeySet();
            Set<String> heldByVictim = ConcurrentHashMap.newKeySet();
            Process victim = startAgentJvm(redis.uri(), "victim", heldByVictim, doneByVictim);
            List<String> heldAtKill;
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(2))
                        .until(() -> doneByVictim.size() >= 10 && !heldByVictim.isEmpty());
                victim.destroyForcibly(); // SIGKILL: no shutdown hook, the held tasks are never completed
                assertThat(victim.waitFor(10, TimeUnit.SECONDS)).isTrue();
            } finally {
                victim.destroyForcibly();
            }
            heldAtKill = ids.stream().map(board::get).filter(t -> t.status().isHeld()).map(Task::taskId).toList();
            System.out.printf("kill -9 test: victim completed %d, held %d at the kill%n", doneByVictim.size(),
                    heldAtKill.size());
            assertThat(heldAtKill).as("the victim died holding tasks").isNotEmpty();

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
                Optional<Task> t;
                while ((t = board.claim("rescuer", AgentProcessMain.LEASE)).isPresent()) {
                    rs.publish(AgentProcessMain.WORK, Map.of("task_id", t.get().taskId(), "by", "rescuer"));
                    board.complete("rescuer", t.get().taskId(), Map.of("by", "rescuer"), null);
                }
                board.sweep(); // finishes what the victim left half-done (events, acknowledgements)
                BoardAudit a = BoardAudit.of(rs, AgentProcessMain.BOARD);
                return a.withStatus(TaskStatus.DONE).size() == TASKS && a.pending == 0;
            });

            BoardAudit audit = BoardAudit.of(rs, AgentProcessMain.BOARD).assertSettled();
            assertThat(audit.taskIds).containsExactlyElementsOf(ids);
            for (String id : ids) {
                Task t = audit.tasks.get(id);
                assertThat(t.status()).isEqualTo(TaskStatus.DONE);
                assertThat(t.history()).filteredOn(e -> e.type() == TaskEventType.DONE).as("done once: %s", id)
                        .hasSize(1);
            }
            Map<String, Integer> work = workCounts(rs);
            assertThat(work.keySet()).as("every task's work was done").containsExactlyInAnyOrderElementsOf(ids);
            List<String> repeated = work.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                    .toList();
            assertThat(heldAtKill).containsAll(repeated);
            assertThat(work.values()).allMatch(n -> n <= 2);
            long takenOver = ids.stream().filter(id -> audit.tasks.get(id).attempt() > 1).count();
            assertThat(takenOver).as("tasks the rescuer took over after the victim's leases ran out")
                    .isEqualTo(heldAtKill.size());
        }
    }

    private static Map<String, Integer> workCounts(RedStream rs) {
        Map<String, Integer> counts = new HashMap<>();
        for (StreamEntry e : rs.streams().range(AgentProcessMain.WORK, "-", "+", 10_000)) {
            counts.merge(e.get("task_id"), 1, Integer::sum);
        }
        return counts;
    }

    private static Process startAgentJvm(String uri, String name, Set<String> held, Set<String> done)
            throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", classpath, AgentProcessMain.class.getName(),
                uri, name);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.contains("READY")) {
            // skip start-up logging
        }
        Thread reader = new Thread(() -> {
            try {
                String l;
                while ((l = out.readLine()) != null) {
                    if (l.startsWith("CLAIMED ")) {
                        held.add(l.substring(8).trim());
                    } else if (l.startsWith("DONE ")) {
                        held.remove(l.substring(5).trim());
                        done.add(l.substring(5).trim());
                    }
                }
            } catch (Exception ignored) {
                // the child was killed
            }
        }, "victim-output");
        reader.setDaemon(true);
        reader.start();
        return p;
    }
}
