package io.redstream.core.internal.task;

import io.redstream.core.internal.ClientContext;
import io.redstream.core.internal.EncodedMessage;
import io.redstream.core.internal.LuaScript;
import io.redstream.core.internal.Operation;
import io.redstream.core.internal.XAdd;
import io.redstream.core.stream.DeadLetterFields;
import io.redstream.core.task.TaskBoard;
import io.redstream.core.task.TaskEvent;
import io.redstream.core.task.TaskEventFields;
import io.redstream.core.task.TaskStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;

/**
 * The steps after a transition, each on one key: write the dead-letter entry of a dead task, publish the events
 * the transition left in the task's outbox, acknowledge a final task's pending entry. The acknowledgement comes
 * last and only once the outbox is empty, so until every step is done — also steps an earlier, crashed client left
 * — the task stays pending and the next claim or sweep finds it.
 *
 * <p>Thread-safe (stateless beyond its collaborators).
 */
final class TaskOutbox {
    /** One event the hash holds but the events stream may not yet. */
    record PendingEvent(long seq, String json) {
    }

    private final ClientContext ctx;
    private final BoardNames names;
    private final StepHook hook;

    TaskOutbox(ClientContext ctx, BoardNames names, StepHook hook) {
        this.ctx = ctx;
        this.names = names;
        this.hook = hook;
    }

    /** The {@code seq, json, seq, json ...} list a script returns. */
    static List<PendingEvent> events(List<?> flat) {
        List<PendingEvent> out = new ArrayList<>(flat.size() / 2);
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            out.add(new PendingEvent(Long.parseLong(LuaScript.string(flat.get(i))), LuaScript.string(flat.get(i + 1))));
        }
        return out;
    }

    /**
     * Everything after the compare-and-set of a transition that left {@code status} and {@code events}: only this
     * transition's own events are published, so a healthy run writes each event once; events a crashed client left
     * in the outbox keep a final task pending until {@link #repair} publishes them.
     */
    void settle(String taskId, TaskStatus status, String traceId, List<PendingEvent> events) {
        if (status == TaskStatus.DEAD) {
            deadLetter(taskId);
        }
        int left = publish(taskId, traceId, events);
        if (status.isFinal() && left == 0) {
            ack(taskId);
        }
    }

    /**
     * Finishes what a crashed client left undone for a task whose last change is old enough: its dead-letter
     * entry, its unpublished events and, for a final task, the acknowledgement.
     */
    void repair(String taskId, Summary s) {
        if (s.status() == TaskStatus.DEAD && s.dlqId() == null) {
            deadLetter(taskId);
        }
        int left = s.outbox().isEmpty() ? 0 : publish(taskId, s.traceId(), load(taskId, s.outbox()));
        if (s.status().isFinal() && left == 0) {
            ack(taskId);
        }
    }

    /** Whether {@link #repair} would do anything. */
    static boolean needsRepair(Summary s) {
        return s.status().isFinal() || !s.outbox().isEmpty();
    }

    private List<PendingEvent> load(String taskId, List<String> seqs) {
        String key = names.recordKey(taskId);
        String[] fields = seqs.stream().map(s -> TaskFields.HISTORY_PREFIX + s).toArray(String[]::new);
        List<String> values = ctx.gateway().call(Operation.TASK_EVENTS, key, j -> j.hmget(key, fields));
        List<PendingEvent> out = new ArrayList<>();
        for (int i = 0; i < seqs.size(); i++) {
            // an event dropped from the history before it was published is gone; its seq still leaves the outbox
            out.add(new PendingEvent(Long.parseLong(seqs.get(i)), values.get(i)));
        }
        return out;
    }

    /**
     * Appends {@code events} to the events stream, then drops them from the outbox; returns how many seqs the outbox
     * still lists (other transitions' events not yet published).
     */
    int publish(String taskId, String traceId, List<PendingEvent> events) {
        String stream = names.events.redisName();
        List<EncodedMessage> messages = new ArrayList<>(events.size());
        for (PendingEvent e : events) {
            if (e.json() != null) {
                messages.add(ctx.encoder().encode(stream, fields(taskId, TaskRecords.event(e.seq(), e.json())),
                        traceId == null || traceId.isEmpty() ? null : traceId));
            }
        }
        if (!messages.isEmpty()) {
            ctx.gateway().call(Operation.STREAM_PUBLISH, stream, j -> {
                try (AbstractPipeline p = j.pipelined()) {
                    for (EncodedMessage m : messages) {
                        p.executeCommand(XAdd.command(stream, XAddParams.xAddParams(), m));
                    }
                    p.sync();
                }
                return null;
            });
        }
        if (!events.isEmpty()) {
            hook.reached(TaskStep.EVENTS_PUBLISHED);
        }
        List<String> args = new ArrayList<>(events.size() + 1);
        args.add("");
        events.forEach(e -> args.add(Long.toString(e.seq())));
        String key = names.recordKey(taskId);
        Object left = TaskScripts.FINISH.run(ctx.gateway(), Operation.TASK_FINISH, key, args);
        return ((Number) left).intValue();
    }

    private static Map<String, String> fields(String taskId, TaskEvent e) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(TaskEventFields.TASK_ID, taskId);
        f.put(TaskEventFields.SEQ, Long.toString(e.seq()));
        f.put(TaskEventFields.EVENT, e.type().id());
        f.put(TaskEventFields.STATUS, e.status().id());
        f.put(TaskEventFields.ATTEMPT, Integer.toString(e.attempt()));
        if (e.agent() != null) {
            f.put(TaskEventFields.AGENT, e.agent());
        }
        if (e.note() != null) {
            f.put(TaskEventFields.NOTE, e.note());
        }
        f.put(TaskEventFields.AT, Long.toString(e.at().toEpochMilli()));
        return f;
    }

    private void deadLetter(String taskId) {
        String key = names.recordKey(taskId);
        Map<String, String> h = ctx.gateway().call(Operation.TASK_GET, key, j -> j.hgetAll(key));
        if (h.isEmpty() || h.get(TaskFields.DLQ_ID) != null && !h.get(TaskFields.DLQ_ID).isEmpty()) {
            return;
        }
        Map<String, String> f = new LinkedHashMap<>();
        f.put(TaskEventFields.TASK_ID, taskId);
        f.put(TaskFields.TITLE, h.getOrDefault(TaskFields.TITLE, ""));
        f.put(TaskFields.ATTEMPT, h.getOrDefault(TaskFields.ATTEMPT, "0"));
        f.put(TaskFields.MAX_ATTEMPTS, h.getOrDefault(TaskFields.MAX_ATTEMPTS, "0"));
        String note = h.get(TaskFields.NOTE);
        f.put(DeadLetterFields.REASON, note == null || note.isEmpty() ? "failed on the final attempt" : note);
        f.put(DeadLetterFields.ORIGINAL_ID, taskId);
        f.put(DeadLetterFields.STREAM, names.tasks.redisName());
        f.put(DeadLetterFields.GROUP, TaskBoard.GROUP);
        f.put(DeadLetterFields.CONSUMER, h.getOrDefault(TaskFields.OWNER, ""));
        f.put(DeadLetterFields.DELIVERIES, h.getOrDefault(TaskFields.ATTEMPT, "0"));
        f.put(DeadLetterFields.AT, Long.toString(ctx.clock().millis()));
        String dlq = names.deadLetters.redisName();
        EncodedMessage encoded = ctx.encoder().encode(dlq, f, h.get(TaskFields.TRACE_ID));
        String id = ctx.gateway().call(Operation.STREAM_DEADLETTER, dlq,
                j -> j.executeCommand(XAdd.command(dlq, XAddParams.xAddParams(), encoded)));
        hook.reached(TaskStep.DEAD_LETTERED);
        TaskScripts.FINISH.run(ctx.gateway(), Operation.TASK_FINISH, key, List.of(id));
    }

    private void ack(String taskId) {
        hook.reached(TaskStep.BEFORE_ACK);
        String stream = names.tasks.redisName();
        StreamEntryID id = new StreamEntryID(taskId);
        ctx.gateway().call(Operation.GROUP_ACK, stream, j -> j.xack(stream, TaskBoard.GROUP, id));
    }
}
