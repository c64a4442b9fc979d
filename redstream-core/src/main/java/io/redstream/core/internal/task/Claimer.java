package io.redstream.core.internal.task;

import io.redstream.core.internal.ClientContext;
import io.redstream.core.internal.LuaScript;
import io.redstream.core.internal.Operation;
import io.redstream.core.stream.StreamEntry;
import io.redstream.core.task.Task;
import io.redstream.core.task.TaskBoard;
import io.redstream.core.task.TaskStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the oldest task an agent may claim and takes it. Pending entries come first (every one is older than any
 * never-delivered entry): a task there is claimable when it is open, its lease ran out, or it failed and is due;
 * on the way the walk re-creates missing hashes and finishes steps crashed clients left undone. Then never-delivered
 * entries, one at a time. The compare-and-set on the task's hash decides every race; the pending entry follows
 * the winner.
 *
 * <p>Thread-safe (stateless beyond its collaborators).
 */
final class Claimer {
    private static final Logger LOG = LoggerFactory.getLogger(Claimer.class);
    /** Never-delivered entries one claim looks at before it answers "nothing claimable". */
    static final int MAX_NEW_PER_CLAIM = 1000;

    private final ClientContext ctx;
    private final BoardNames names;
    private final TaskStore store;
    private final TaskOutbox outbox;
    private final StepHook hook;

    Claimer(ClientContext ctx, BoardNames names, TaskStore store, TaskOutbox outbox, StepHook hook) {
        this.ctx = ctx;
        this.names = names;
        this.store = store;
        this.outbox = outbox;
        this.hook = hook;
    }

    Optional<Task> claim(String agent, Duration lease) {
        Task[] claimed = new Task[1];
        long repairAfter = TaskBoard.REPAIR_AFTER.toMillis();
        store.forEachPending((taskId, s) -> {
            long now = ctx.clock().millis();
            if (s.corrupt()) {
                LOG.warn("task {} on board {}: its key is not a task hash RedStream wrote; skipped", taskId,
                        names.board);
                return true;
            }
            if (!s.exists()) {
                // a claim died between delivering the entry and recording it: the task was never started
                StreamEntry entry = store.entry(taskId);
                if (entry == null || entry.isDeleted()) {
                    LOG.warn("task {} on board {} is pending but neither its entry nor its hash exists; skipped",
                            taskId, names.board);
                    return true;
                }
                recreate(taskId, entry);
                claimed[0] = take(taskId, agent, lease, true).orElse(null);
                return claimed[0] == null;
            }
            if (TaskOutbox.needsRepair(s) && s.settledLongAgo(now, repairAfter)) {
                outbox.repair(taskId, s);
            }
            if (!s.status().isFinal() && s.claimableBy(agent, now)) {
                claimed[0] = take(taskId, agent, lease, true).orElse(null);
                return claimed[0] == null;
            }
            return true;
        });
        if (claimed[0] != null) {
            return Optional.of(claimed[0]);
        }
        return claimNew(agent, lease);
    }

    private Optional<Task> claimNew(String agent, Duration lease) {
        for (int i = 0; i < MAX_NEW_PER_CLAIM; i++) {
            StreamEntry entry = store.readNew(agent);
            if (entry == null) {
                return Optional.empty();
            }
            hook.reached(TaskStep.CLAIM_DELIVERED);
            recreate(entry.id(), entry);
            Optional<Task> task = take(entry.id(), agent, lease, false);
            if (task.isPresent()) {
                return task;
            }
            // not for this agent (assigned to another, already final after a lost group, or taken by a racing
            // walk): it stays pending, where the walk of the next claim or sweep deals with it
        }
        return Optional.empty();
    }

    /** Creates the hash of a task whose entry has none yet, and publishes the {@code created} event. */
    private void recreate(String taskId, StreamEntry entry) {
        List<TaskOutbox.PendingEvent> created = store.createRecord(taskId, entry.fields());
        if (!created.isEmpty()) {
            hook.reached(TaskStep.RECORD_CREATED);
            outbox.publish(taskId, entry.traceId(), created);
        }
    }

    /** The compare-and-set of a claim, then the steps after it. Empty when the task was not claimable by us. */
    private Optional<Task> take(String taskId, String agent, Duration lease, boolean movePending) {
        long now = ctx.clock().millis();
        String key = names.recordKey(taskId);
        List<String> args = List.of(agent, Long.toString(now), Long.toString(lease.toMillis()),
                Long.toString(now + lease.toMillis()));
        List<?> reply = LuaScript.list(TaskScripts.CLAIM.run(ctx.gateway(), Operation.TASK_CLAIM, key, args));
        String outcome = LuaScript.string(reply.get(0));
        if ("claimed".equals(outcome)) {
            hook.reached(TaskStep.CLAIM_RECORDED);
            Task task = TaskRecords.fromHash(names.board, TaskRecords.hash(LuaScript.list(reply.get(2))));
            if (movePending) {
                store.movePending(taskId, agent, task.attempt());
            }
            outbox.publish(taskId, task.traceId(), TaskOutbox.events(LuaScript.list(reply.get(1))));
            return Optional.of(task);
        }
        if ("dead".equals(outcome)) {
            outbox.settle(taskId, TaskStatus.DEAD, LuaScript.string(reply.get(4)),
                    TaskOutbox.events(LuaScript.list(reply.get(3))));
        } else if ("corrupt".equals(outcome)) {
            LOG.warn("task {} on board {} has an unknown status '{}'; skipped", taskId, names.board,
                    LuaScript.string(reply.get(1)));
        }
        return Optional.empty();
    }
}
