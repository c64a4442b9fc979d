package io.redstream.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.redstream.core.RedStream;
import io.redstream.core.task.NewTask;
import io.redstream.core.task.Task;
import io.redstream.core.task.TaskBoard;
import io.redstream.core.task.TaskChange;
import io.redstream.core.task.TaskConflictException;
import io.redstream.core.task.TaskStatus;
import io.redstream.core.testing.BoardAudit;
import io.redstream.testkit.MutableClock;
import io.redstream.testkit.RedisServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random interleavings of claims, progress, completions, failures, sweeps and lease expiry (an injected clock)
 * by three agents on a real Redis, checked step by step against a small model of the board — which task a claim
 * must return, which update must be refused and naming whom — and against the invariants: one holder at a time,
 * attempts only increase, final states stay final, each task done at most once, and after recovery none lost.
 */
class TaskInterleavingsIT {
    static final Duration LEASE = Duration.ofSeconds(30);
    static final List<String> AGENTS = List.of("alpha", "beta", "gamma");

    private static RedisServerProcess redis;

    @BeforeContainer
    static void startRedis() {
        redis = RedisServerProcess.start();
    }

    @AfterContainer
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    sealed interface Step permits Claim, Progress, Complete, Fail, Advance, Sweep {
    }

    record Claim(String agent) implements Step {
    }

    record Progress(String agent) implements Step {
    }

    record Complete(String agent) implements Step {
    }

    record Fail(String agent) implements Step {
    }

    record Advance(int seconds) implements Step {
    }

    record Sweep() implements Step {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<String> agent = Arbitraries.of(AGENTS);
        Arbitrary<Step> one = Arbitraries.frequencyOf(
                Tuple.of(5, agent.map(Claim::new)),
                Tuple.of(2, agent.map(Progress::new)),
                Tuple.of(3, agent.map(Complete::new)),
                Tuple.of(3, agent.map(Fail::new)),
                Tuple.of(3, Arbitraries.integers().between(1, 12).map(Advance::new)),
                Tuple.of(1, Arbitraries.integers().between(25, 45).map(Advance::new)),
                Tuple.of(1, Arbitraries.just(new Sweep())));
        return one.list().ofMinSize(10).ofMaxSize(40);
    }

    @Property(tries = 40)
    void interleavings_matchTheModelAndKeepTheInvariants(
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 1, max = 3) Integer> maxAttempts,
            @ForAll("steps") List<Step> steps) {
        redis.flushAll();
        MutableClock clock = MutableClock.startingNow();
        try (RedStream rs = RedStream.builder().redisUri(redis.uri()).identity("interleavings").clock(clock).build()) {
            TaskBoard board = rs.tasks("interleave");
            Model model = new Model(clock);
            for (int max : maxAttempts) {
                model.add(board.create(NewTask.builder("t").maxAttempts(max).build()).taskId(), max);
            }
            Map<String, String> believed = new HashMap<>();
            Map<String, Lease> leases = new HashMap<>();
            for (Step step : steps) {
                run(step, board, model, believed, leases, clock);
                BoardAudit.of(rs, "interleave").assertConsistent();
                model.assertMatches(board);
            }
            recover(board, clock);
            BoardAudit settled = BoardAudit.of(rs, "interleave").assertSettled();
            net.jqwik.api.statistics.Statistics.label("dead").collect(settled.withStatus(TaskStatus.DEAD).size());
            assertThat(settled.taskIds).containsExactlyElementsOf(model.tasks.keySet());
            for (String id : settled.withStatus(TaskStatus.DONE)) {
                assertThat(model.completions.getOrDefault(id, 0)).as("completions of %s", id).isLessThanOrEqualTo(1);
            }
        }
    }

    /**
     * Leases as the board granted them (from claim and progress replies), kept apart from the model: a claim must
     * never hand out a task whose granted lease still runs, and only the agent holding a running lease may update.
     */
    record Lease(String holder, long end) {
    }

    private static void run(Step step, TaskBoard board, Model model, Map<String, String> believed,
            Map<String, Lease> leases, MutableClock clock) {
        if (step instanceof Claim c) {
            Optional<String> expected = model.claim(c.agent());
            Optional<Task> got = board.claim(c.agent(), LEASE);
            assertThat(got.map(Task::taskId)).as("claim by %s", c.agent()).isEqualTo(expected);
            net.jqwik.api.statistics.Statistics.label("claims").collect(got.isPresent() ? "claimed" : "nothing");
            got.ifPresent(t -> {
                Lease previous = leases.get(t.taskId());
                assertThat(previous == null || previous.end() <= clock.millis())
                        .as("one holder at a time: %s still held by %s", t.taskId(), previous).isTrue();
                Model.ModelTask m = model.tasks.get(t.taskId());
                assertThat(t.attempt()).as("attempt of %s", t.taskId()).isEqualTo(m.attempt);
                assertThat(t.attempt()).as("attempts only increase").isGreaterThan(m.lastSeenAttempt);
                m.lastSeenAttempt = t.attempt();
                leases.put(t.taskId(), new Lease(c.agent(), t.leaseExpiresAt().toEpochMilli()));
                believed.put(c.agent(), t.taskId());
            });
        } else if (step instanceof Progress p) {
            update(p.agent(), "progress", board, model, believed, leases, clock);
        } else if (step instanceof Complete p) {
            update(p.agent(), "done", board, model, believed, leases, clock);
        } else if (step instanceof Fail p) {
            update(p.agent(), "fail", board, model, believed, leases, clock);
        } else if (step instanceof Advance a) {
            clock.advance(Duration.ofSeconds(a.seconds()));
        } else {
            model.sweep();
            board.sweep();
        }
    }

    private static void update(String agent, String kind, TaskBoard board, Model model, Map<String, String> believed,
            Map<String, Lease> leases, MutableClock clock) {
        String taskId = believed.getOrDefault(agent, model.tasks.keySet().iterator().next());
        String refusal = model.refusal(agent, taskId);
        try {
            TaskChange change = switch (kind) {
                case "progress" -> board.progress(agent, taskId, "step");
                case "done" -> board.complete(agent, taskId, Map.of("by", agent), null);
                default -> board.fail(agent, taskId, "flaky");
            };
            if (refusal != null) {
                fail("%s by %s on %s succeeded, but the model expected a refusal: %s", kind, agent, taskId, refusal);
            }
            Lease lease = leases.get(taskId);
            assertThat(lease).as("lease of %s", taskId).isNotNull();
            assertThat(lease.holder()).as("the updater holds %s", taskId).isEqualTo(agent);
            assertThat(lease.end()).as("within its lease").isGreaterThan(clock.millis());
            if (change.leaseExpiresAt() != null) {
                leases.put(taskId, new Lease(agent, change.leaseExpiresAt().toEpochMilli()));
            } else {
                leases.remove(taskId);
            }
            model.apply(agent, taskId, kind);
            assertThat(change.status()).isEqualTo(model.tasks.get(taskId).status);
            assertThat(model.tasks.get(taskId).status.isFinal() && kind.equals("progress")).isFalse();
            net.jqwik.api.statistics.Statistics.label("updates").collect(kind + " ok");
        } catch (TaskConflictException e) {
            net.jqwik.api.statistics.Statistics.label("updates").collect(kind + " refused");
            assertThat(refusal).as("%s by %s on %s was refused (%s)", kind, agent, taskId, e.getMessage())
                    .isNotNull();
            assertThat(e.getMessage()).contains(refusal);
        }
    }

    /** After the interleaving: whoever is left finishes everything. */
    private static void recover(TaskBoard board, MutableClock clock) {
        for (int round = 0; round < 4; round++) {
            clock.advance(LEASE);
            Optional<Task> t;
            while ((t = board.claim("rescuer", LEASE)).isPresent()) {
                board.complete("rescuer", t.get().taskId(), null, null);
            }
        }
    }

    /** The board as the contract describes it, independent of how it is stored. */
    static final class Model {
        final MutableClock clock;
        final Map<String, ModelTask> tasks = new LinkedHashMap<>();
        final Map<String, Integer> completions = new HashMap<>();

        Model(MutableClock clock) {
            this.clock = clock;
        }

        static final class ModelTask {
            final int max;
            TaskStatus status = TaskStatus.OPEN;
            int attempt;
            int lastSeenAttempt;
            String holder;
            long leaseEnd;
            long retryAt;

            ModelTask(int max) {
                this.max = max;
            }
        }

        void add(String id, int max) {
            tasks.put(id, new ModelTask(max));
        }

        long now() {
            return clock.millis();
        }

        boolean leaseRanOut(ModelTask t) {
            return t.status.isHeld() && t.leaseEnd <= now();
        }

        /** Oldest claimable first; an expired last attempt met on the way dies. */
        Optional<String> claim(String agent) {
            for (Map.Entry<String, ModelTask> e : tasks.entrySet()) {
                ModelTask t = e.getValue();
                boolean claimable = t.status == TaskStatus.OPEN || leaseRanOut(t)
                        || t.status == TaskStatus.FAILED && t.retryAt <= now();
                if (!claimable) {
                    continue;
                }
                if (leaseRanOut(t) && t.attempt >= t.max) {
                    t.status = TaskStatus.DEAD;
                    continue;
                }
                t.attempt++;
                t.status = TaskStatus.CLAIMED;
                t.holder = agent;
                t.leaseEnd = now() + LEASE.toMillis();
                return Optional.of(e.getKey());
            }
            return Optional.empty();
        }

        void sweep() {
            for (ModelTask t : tasks.values()) {
                if (leaseRanOut(t)) {
                    if (t.attempt >= t.max) {
                        t.status = TaskStatus.DEAD;
                    } else {
                        t.status = TaskStatus.OPEN;
                        t.holder = null;
                    }
                }
            }
        }

        /** What the refusal message must say, or null when the update must succeed. */
        String refusal(String agent, String id) {
            ModelTask t = tasks.get(id);
            if (t.status.isFinal()) {
                return "is " + t.status.id() + " (attempt " + t.attempt;
            }
            if (!t.status.isHeld()) {
                return "is not held by agent '" + agent + "': it is " + t.status.id();
            }
            if (!t.holder.equals(agent)) {
                return "is held by agent '" + t.holder + "' (attempt " + t.attempt + "), not by '" + agent + "'";
            }
            if (t.leaseEnd <= now()) {
                return "the lease of agent '" + agent + "' on attempt " + t.attempt + " expired";
            }
            return null;
        }

        void apply(String agent, String id, String kind) {
            ModelTask t = tasks.get(id);
            switch (kind) {
                case "progress" -> {
                    t.status = TaskStatus.IN_PROGRESS;
                    t.leaseEnd = now() + LEASE.toMillis();
                }
                case "done" -> {
                    t.status = TaskStatus.DONE;
                    completions.merge(id, 1, Integer::sum);
                }
                default -> {
                    if (t.attempt >= t.max) {
                        t.status = TaskStatus.DEAD;
                    } else {
                        t.status = TaskStatus.FAILED;
                        t.retryAt = now();
                    }
                }
            }
        }

        /** Status, attempt and holder of every task as the board reports them. */
        void assertMatches(TaskBoard board) {
            List<String> mismatches = new ArrayList<>();
            tasks.forEach((id, t) -> {
                Task real = board.get(id);
                if (real.status() != t.status || real.attempt() != t.attempt
                        || t.status.isHeld() && !t.holder.equals(real.owner())) {
                    mismatches.add(id + ": model " + t.status + "/" + t.attempt + "/" + t.holder + ", board "
                            + real.status() + "/" + real.attempt() + "/" + real.owner());
                }
            });
            assertThat(mismatches).isEmpty();
        }
    }
}
