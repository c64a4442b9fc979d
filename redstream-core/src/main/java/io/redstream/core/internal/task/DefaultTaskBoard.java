package io.redstream.core.internal.task;

import static java.util.Objects.requireNonNull;

import io.redstream.core.InvalidArgumentException;
import io.redstream.core.NotFoundException;
import io.redstream.core.access.AccessGuard;
import io.redstream.core.access.Action;
import io.redstream.core.internal.Arguments;
import io.redstream.core.internal.ClientContext;
import io.redstream.core.internal.CoordinationArguments;
import io.redstream.core.internal.Json;
import io.redstream.core.internal.EncodedMessage;
import io.redstream.core.internal.LuaScript;
import io.redstream.core.internal.Operation;
import io.redstream.core.internal.XAdd;
import io.redstream.core.internal.Values;
import io.redstream.core.stream.EntryIds;
import io.redstream.core.stream.MessageFields;
import io.redstream.core.stream.StreamEntry;
import io.redstream.core.task.CreatedTask;
import io.redstream.core.task.NewTask;
import io.redstream.core.task.SweepReport;
import io.redstream.core.task.Task;
import io.redstream.core.task.TaskBoard;
import io.redstream.core.task.TaskChange;
import io.redstream.core.task.TaskPage;
import io.redstream.core.task.TaskStatus;
import io.redstream.core.task.TaskSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.params.XAddParams;

/**
 * {@link TaskBoard} over a {@link ClientContext}. Every operation validates its arguments, then asks the view's
 * guard about every name it will touch and about the acting agent, and only then sends its first command.
 */
public final class DefaultTaskBoard implements TaskBoard {
    /** Entries a listing reads per call at most, whatever it finds. */
    static final int MAX_LIST_SCAN = 10_000;

    private final ClientContext ctx;
    private final BoardNames names;
    private final StepHook hook;
    private final TaskStore store;
    private final TaskOutbox outbox;
    private final Claimer claimer;

    /**
     * The board {@code board} of one client view.
     *
     * @param ctx the view's context
     * @param board the board's entity segment
     * @param hook called at every step; {@link StepHook#NONE} outside tests
     * @throws io.redstream.core.InvalidNameException {@code board} is not an entity segment
     */
    public DefaultTaskBoard(ClientContext ctx, String board, StepHook hook) {
        this.ctx = requireNonNull(ctx, "ctx");
        this.names = new BoardNames(ctx.naming(), board);
        this.hook = requireNonNull(hook, "hook");
        this.store = new TaskStore(ctx, names);
        this.outbox = new TaskOutbox(ctx, names, hook);
        this.claimer = new Claimer(ctx, names, store, outbox, hook);
    }

    /**
     * The same board, calling {@code hook} at every {@link TaskStep} (tests stop operations there).
     *
     * @param hook the hook to call
     * @return a new board sharing this one's names and context
     */
    public DefaultTaskBoard withHook(StepHook hook) {
        return new DefaultTaskBoard(ctx, names.board, hook);
    }

    @Override
    public String board() {
        return names.board;
    }

    @Override
    public String tasksStream() {
        return names.tasks.redisName();
    }

    @Override
    public String eventsStream() {
        return names.events.redisName();
    }

    @Override
    public String deadLetterStream() {
        return names.deadLetters.redisName();
    }

    @Override
    public CreatedTask create(NewTask task) {
        requireNonNull(task, "task");
        AccessGuard guard = ctx.guard();
        guard.check(Action.STREAM_PUBLISH, names.tasks);
        guard.checkPattern(Action.KEY_SET, names.records);
        guard.check(Action.STREAM_PUBLISH, names.events);

        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(TaskFields.TITLE, task.title());
        if (task.description() != null) {
            fields.put(TaskFields.DESCRIPTION, task.description());
        }
        fields.put(TaskFields.PRIORITY, task.priority());
        if (task.assignee() != null) {
            fields.put(TaskFields.ASSIGNEE, task.assignee());
        }
        if (!task.payload().isEmpty()) {
            fields.put(TaskFields.PAYLOAD, task.payload());
        }
        fields.put(TaskFields.MAX_ATTEMPTS, task.maxAttempts());
        String stream = names.tasks.redisName();
        EncodedMessage message = ctx.encoder().encode(stream, fields, task.traceId());
        Map<String, String> encoded = message.toMap();
        String taskId = ctx.gateway().call(Operation.STREAM_PUBLISH, stream,
                j -> j.executeCommand(XAdd.command(stream, XAddParams.xAddParams(), message)));
        hook.reached(TaskStep.CREATE_APPENDED);
        String traceId = encoded.get(MessageFields.TRACE_ID);
        List<TaskOutbox.PendingEvent> created = store.createRecord(taskId, encoded);
        hook.reached(TaskStep.RECORD_CREATED);
        outbox.publish(taskId, traceId, created);
        return new CreatedTask(names.board, taskId, TaskStatus.OPEN, traceId);
    }

    @Override
    public Optional<Task> claim(String agent, Duration lease) {
        CoordinationArguments.agent("agent", agent);
        CoordinationArguments.duration("lease", lease, MIN_LEASE, MAX_LEASE);
        AccessGuard guard = ctx.guard();
        guard.check(Action.GROUP_CREATE, names.tasks);
        guard.checkPattern(Action.KEY_SET, names.records);
        guard.check(Action.STREAM_PUBLISH, names.events);
        guard.check(Action.STREAM_PUBLISH, names.deadLetters);
        guard.checkActor(agent, Action.GROUP_CLAIM, names.tasks);
        return claimer.claim(agent, lease);
    }

    @Override
    public TaskChange progress(String agent, String taskId, String note) {
        return update(agent, taskId, "progress", note, null, Duration.ZERO);
    }

    @Override
    public TaskChange complete(String agent, String taskId, Map<String, ?> result, String note) {
        return update(agent, taskId, "done", note, result, Duration.ZERO);
    }

    @Override
    public TaskChange fail(String agent, String taskId, String note) {
        return fail(agent, taskId, note, Duration.ZERO);
    }

    @Override
    public TaskChange fail(String agent, String taskId, String note, Duration retryDelay) {
        return update(agent, taskId, "fail", note, null, retryDelay);
    }

    @Override
    public TaskChange update(String agent, String taskId, TaskStatus status, String note, Map<String, ?> result) {
        requireNonNull(status, "status");
        if (result != null && status != TaskStatus.DONE) {
            throw new InvalidArgumentException("result may be given only with status done, but status was "
                    + status.id());
        }
        return switch (status) {
            case IN_PROGRESS -> progress(agent, taskId, note);
            case DONE -> complete(agent, taskId, result, note);
            case FAILED -> fail(agent, taskId, note);
            default -> throw new InvalidArgumentException("status must be one of [in_progress, done, failed], but"
                    + " was " + status.id());
        };
    }

    private TaskChange update(String agent, String taskId, String kind, String note, Map<String, ?> result,
            Duration retryDelay) {
        CoordinationArguments.agent("agent", agent);
        BoardNames.taskId(taskId);
        CoordinationArguments.optionalText("note", note, MAX_NOTE_LENGTH);
        CoordinationArguments.duration("retryDelay", retryDelay, Duration.ZERO, MAX_RETRY_DELAY);
        String resultJson = result == null ? "" : Values.encode("result", result, ctx.limits());
        var record = names.record(taskId);
        AccessGuard guard = ctx.guard();
        guard.check(Action.KEY_SET, record);
        guard.check(Action.STREAM_PUBLISH, names.events);
        if (kind.equals("fail")) {
            guard.check(Action.STREAM_PUBLISH, names.deadLetters);
        }
        guard.checkActor(agent, Action.KEY_SET, record);

        long now = ctx.clock().millis();
        String key = record.redisName();
        List<String> args = List.of(agent, Long.toString(now), kind, note == null ? "" : note,
                note == null ? "null" : Json.write("note", note), resultJson,
                Long.toString(now + retryDelay.toMillis()));
        List<?> reply = LuaScript.list(TaskScripts.UPDATE.run(ctx.gateway(), Operation.TASK_UPDATE, key, args));
        String outcome = LuaScript.string(reply.get(0));
        if (!"ok".equals(outcome)) {
            throw refusal(outcome, taskId, agent, reply);
        }
        hook.reached(TaskStep.UPDATE_RECORDED);
        TaskStatus status = TaskStatus.of(LuaScript.string(reply.get(1)));
        int attempt = Integer.parseInt(LuaScript.string(reply.get(2)));
        String lease = LuaScript.string(reply.get(3));
        outbox.settle(taskId, status, LuaScript.string(reply.get(4)), TaskOutbox.events(LuaScript.list(reply.get(5))));
        return new TaskChange(taskId, status, attempt, TaskRecords.instant(lease));
    }

    private RuntimeException refusal(String outcome, String taskId, String agent, List<?> reply) {
        if ("missing".equals(outcome)) {
            if (store.entry(taskId) == null) {
                return notFound(taskId);
            }
            return Refusals.conflict("not_held", names.board, taskId, agent, TaskStatus.OPEN, null, 0, null);
        }
        return Refusals.conflict(outcome, names.board, taskId, agent, TaskStatus.of(LuaScript.string(reply.get(1))),
                TaskRecords.blankToNull(LuaScript.string(reply.get(2))),
                Integer.parseInt(LuaScript.string(reply.get(3))),
                TaskRecords.instant(LuaScript.string(reply.get(4))));
    }

    private NotFoundException notFound(String taskId) {
        return new NotFoundException("task '" + taskId + "' does not exist on board '" + names.board + "'");
    }

    @Override
    public Task get(String taskId) {
        BoardNames.taskId(taskId);
        var record = names.record(taskId);
        ctx.guard().check(Action.KEY_GET, record);
        ctx.guard().check(Action.STREAM_READ, names.tasks);
        Map<String, String> hash = store.hash(taskId);
        if (!hash.isEmpty()) {
            return TaskRecords.fromHash(names.board, hash);
        }
        StreamEntry entry = store.entry(taskId);
        if (entry == null) {
            throw notFound(taskId);
        }
        return TaskRecords.fromEntry(names.board, entry);
    }

    @Override
    public TaskPage list(TaskStatus status, String cursor, int count) {
        requireNonNull(cursor, "cursor");
        int n = Arguments.count("count", count, ctx.limits());
        String after = "0".equals(cursor) ? null : EntryIds.requireId("cursor", cursor);
        ctx.guard().check(Action.STREAM_READ, names.tasks);
        ctx.guard().checkPattern(Action.KEY_GET, names.records);

        List<TaskSummary> out = new ArrayList<>();
        int budget = Math.max(MAX_LIST_SCAN, n);
        int scanned = 0;
        while (scanned < budget) {
            int batch = Math.min(Math.max(n, TaskStore.PAGE), budget - scanned);
            List<StreamEntry> entries = store.entries(after, batch);
            List<Summary> summaries = store.summaries(entries.stream().map(StreamEntry::id).toList());
            for (int i = 0; i < entries.size(); i++) {
                StreamEntry e = entries.get(i);
                Summary s = summaries.get(i);
                TaskSummary t = s.exists()
                        ? new TaskSummary(e.id(), s.status(), s.owner(), s.title() == null ? "" : s.title(),
                                s.attempt())
                        : new TaskSummary(e.id(), TaskStatus.OPEN, null, e.fields().getOrDefault(TaskFields.TITLE, ""),
                                0);
                after = e.id();
                scanned++;
                if (status == null || t.status() == status) {
                    out.add(t);
                    if (out.size() == n) {
                        return new TaskPage(out, isLast(after, i, entries.size(), batch) ? "0" : after);
                    }
                }
            }
            if (entries.size() < batch) {
                return new TaskPage(out, "0");
            }
        }
        return new TaskPage(out, after);
    }

    /** The page filled on the last entry of a short batch: nothing follows it. */
    private static boolean isLast(String after, int index, int size, int batch) {
        return after != null && index == size - 1 && size < batch;
    }

    @Override
    public SweepReport sweep() {
        AccessGuard guard = ctx.guard();
        guard.checkPattern(Action.KEY_SET, names.records);
        guard.check(Action.STREAM_PUBLISH, names.events);
        guard.check(Action.STREAM_PUBLISH, names.deadLetters);
        return new Sweeper(ctx, names, store, outbox).sweep();
    }

    @Override
    public String toString() {
        return "TaskBoard[" + names.tasks + "]";
    }
}
