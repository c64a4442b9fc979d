package io.redstream.core.internal.task;

import io.redstream.core.internal.ClientContext;
import io.redstream.core.internal.LuaScript;
import io.redstream.core.internal.Operation;
import io.redstream.core.stream.StreamEntry;
import io.redstream.core.task.SweepReport;
import io.redstream.core.task.TaskBoard;
import io.redstream.core.task.TaskStatus;
import java.util.List;

/**
 * One walk over a board's pending tasks that records expired leases and finishes interrupted steps, claiming
 * nothing. Not thread-safe: one sweep per instance.
 */
final class Sweeper {
    private final ClientContext ctx;
    private final BoardNames names;
    private final TaskStore store;
    private final TaskOutbox outbox;
    private int scanned;
    private int expired;
    private int dead;
    private int repaired;

    Sweeper(ClientContext ctx, BoardNames names, TaskStore store, TaskOutbox outbox) {
        this.ctx = ctx;
        this.names = names;
        this.store = store;
        this.outbox = outbox;
    }

    SweepReport sweep() {
        long repairAfter = TaskBoard.REPAIR_AFTER.toMillis();
        store.forEachPending((taskId, s) -> {
            scanned++;
            long now = ctx.clock().millis();
            if (s.corrupt()) {
                return true;
            }
            if (!s.exists()) {
                StreamEntry entry = store.entry(taskId);
                if (entry != null && !entry.isDeleted()) {
                    List<TaskOutbox.PendingEvent> created = store.createRecord(taskId, entry.fields());
                    outbox.publish(taskId, entry.traceId(), created);
                    repaired++;
                }
                return true;
            }
            if (TaskOutbox.needsRepair(s) && s.settledLongAgo(now, repairAfter)) {
                outbox.repair(taskId, s);
                repaired++;
            }
            if (s.leaseRanOut(now)) {
                expire(taskId, now);
            }
            return true;
        });
        return new SweepReport(scanned, expired, dead, repaired);
    }

    private void expire(String taskId, long now) {
        String key = names.recordKey(taskId);
        List<?> reply = LuaScript.list(TaskScripts.EXPIRE.run(ctx.gateway(), Operation.TASK_EXPIRE, key,
                List.of(Long.toString(now))));
        String outcome = LuaScript.string(reply.get(0));
        if ("skip".equals(outcome)) {
            return;
        }
        expired++;
        TaskStatus status = TaskStatus.of(outcome);
        if (status == TaskStatus.DEAD) {
            dead++;
        }
        outbox.settle(taskId, status, LuaScript.string(reply.get(2)), TaskOutbox.events(LuaScript.list(reply.get(1))));
    }
}
