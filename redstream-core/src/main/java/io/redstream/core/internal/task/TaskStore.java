package io.redstream.core.internal.task;

import io.redstream.core.ConflictException;
import io.redstream.core.NotFoundException;
import io.redstream.core.internal.ClientContext;
import io.redstream.core.internal.LuaScript;
import io.redstream.core.internal.Operation;
import io.redstream.core.stream.StreamEntry;
import io.redstream.core.task.TaskBoard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XClaimParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamPendingEntry;

/**
 * The single-key reads and writes of a board: its stream, its group and its tasks' hashes. No access checks (the
 * board makes them first) and no ordering logic (the board and {@link Claimer} own that).
 *
 * <p>Thread-safe (stateless beyond its collaborators).
 */
final class TaskStore {
    /** Pending entries read (and hashes fetched) per round trip while walking the pending list. */
    static final int PAGE = 100;

    private final ClientContext ctx;
    private final BoardNames names;
    private final String stream;

    TaskStore(ClientContext ctx, BoardNames names) {
        this.ctx = ctx;
        this.names = names;
        this.stream = names.tasks.redisName();
    }

    /** Creates the hash of {@code taskId} from its entry's fields unless it exists; the new hash's events. */
    List<TaskOutbox.PendingEvent> createRecord(String taskId, Map<String, String> entryFields) {
        List<String> args = new ArrayList<>();
        args.add(Long.toString(TaskRecords.createdAt(taskId, entryFields)));
        args.add(Long.toString(ctx.clock().millis()));
        args.addAll(TaskRecords.definition(names.board, taskId, entryFields));
        String key = names.recordKey(taskId);
        List<?> reply = LuaScript.list(TaskScripts.CREATE.run(ctx.gateway(), Operation.TASK_CREATE, key, args));
        return "created".equals(LuaScript.string(reply.get(0))) ? TaskOutbox.events(LuaScript.list(reply.get(1)))
                : List.of();
    }

    /** The task's stream entry, or {@code null} when the stream holds no such entry. */
    StreamEntry entry(String taskId) {
        var raw = ctx.gateway().call(Operation.STREAM_RANGE, stream, j -> j.xrange(stream, taskId, taskId, 1));
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        return new StreamEntry(stream, raw.get(0).getID().toString(), raw.get(0).getFields(), null);
    }

    /** Up to {@code count} entries after {@code after} (exclusive; {@code null} for the start). */
    List<StreamEntry> entries(String after, int count) {
        String start = after == null ? "-" : "(" + after;
        var raw = ctx.gateway().call(Operation.STREAM_RANGE, stream, j -> j.xrange(stream, start, "+", count));
        List<StreamEntry> out = new ArrayList<>(raw == null ? 0 : raw.size());
        if (raw != null) {
            raw.forEach(e -> out.add(new StreamEntry(stream, e.getID().toString(), e.getFields(), null)));
        }
        return out;
    }

    /** The whole hash; empty when it does not exist. */
    Map<String, String> hash(String taskId) {
        String key = names.recordKey(taskId);
        return ctx.gateway().call(Operation.TASK_GET, key, j -> j.hgetAll(key));
    }

    /** The scan fields of each task's hash, in one pipelined round trip (per node on a cluster). */
    List<Summary> summaries(List<String> taskIds) {
        if (taskIds.isEmpty()) {
            return List.of();
        }
        String[] fields = TaskFields.SUMMARY.toArray(String[]::new);
        return ctx.gateway().call(Operation.TASK_LIST, stream, j -> {
            List<Response<List<String>>> responses = new ArrayList<>(taskIds.size());
            try (AbstractPipeline p = j.pipelined()) {
                for (String id : taskIds) {
                    responses.add(p.hmget(names.recordKey(id), fields));
                }
                p.sync();
            }
            List<Summary> out = new ArrayList<>(responses.size());
            for (Response<List<String>> r : responses) {
                try {
                    out.add(Summary.of(r.get()));
                } catch (redis.clients.jedis.exceptions.JedisDataException wrongType) {
                    out.add(Summary.CORRUPT); // one foreign key under a task's name must not stop the board
                }
            }
            return out;
        });
    }

    /** Visits one pending task with the scan fields of its hash; returns false to stop the walk. */
    @FunctionalInterface
    interface PendingVisitor {
        boolean visit(String taskId, Summary summary);
    }

    /**
     * Visits every pending task, oldest first, a page of {@value #PAGE} (one pipelined read of their hashes) at a
     * time, until the visitor stops. Returns false when the group does not exist.
     */
    boolean forEachPending(PendingVisitor visitor) {
        StreamEntryID from = StreamEntryID.MINIMUM_ID;
        while (true) {
            List<StreamPendingEntry> page = pending(from, PAGE);
            if (page == null) {
                return false;
            }
            List<String> ids = page.stream().map(p -> p.getID().toString()).toList();
            List<Summary> summaries = summaries(ids);
            for (int i = 0; i < ids.size(); i++) {
                if (!visitor.visit(ids.get(i), summaries.get(i))) {
                    return true;
                }
            }
            if (page.size() < PAGE) {
                return true;
            }
            StreamEntryID last = page.get(page.size() - 1).getID();
            from = new StreamEntryID(last.getTime(), last.getSequence() + 1);
        }
    }

    /**
     * Up to {@code count} pending entries from {@code from} (inclusive), oldest first; {@code null} when the
     * group does not exist.
     */
    private List<StreamPendingEntry> pending(StreamEntryID from, int count) {
        XPendingParams params = XPendingParams.xPendingParams(from, StreamEntryID.MAXIMUM_ID, count);
        try {
            return ctx.gateway().call(Operation.GROUP_PENDING, stream, j -> j.xpending(stream, TaskBoard.GROUP, params));
        } catch (NotFoundException noGroup) {
            return null;
        }
    }

    /**
     * Delivers the next never-delivered entry to {@code agent}; {@code null} when there is none. Creates the group
     * (from the first entry) when it is missing.
     */
    StreamEntry readNew(String agent) {
        XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(1);
        Map<String, StreamEntryID> from = Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY);
        for (int tries = 0; tries < 2; tries++) {
            try {
                var raw = ctx.gateway().call(Operation.GROUP_READ, stream, j -> j.xreadGroup(TaskBoard.GROUP, agent,
                        params, from));
                if (raw == null || raw.isEmpty() || raw.get(0).getValue().isEmpty()) {
                    return null;
                }
                var e = raw.get(0).getValue().get(0);
                return new StreamEntry(stream, e.getID().toString(), e.getFields(), 1L);
            } catch (NotFoundException noGroup) {
                if (!ensureGroup()) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * Creates the group from the stream's first entry, so every task ever created is handed out; a group lost and
     * re-created hands out done tasks again, which their hashes turn away. False when the stream does not exist
     * (no task was ever created).
     */
    boolean ensureGroup() {
        boolean exists = ctx.gateway().call(Operation.STREAM_LENGTH, stream, j -> j.exists(stream));
        if (!exists) {
            return false;
        }
        try {
            ctx.gateway().call(Operation.GROUP_CREATE, TaskBoard.GROUP + " on " + stream,
                    j -> j.xgroupCreate(stream, TaskBoard.GROUP, new StreamEntryID(0, 0), false));
        } catch (ConflictException alreadyThere) {
            // another claimer created it first
        }
        return true;
    }

    /** Moves the pending entry to {@code agent}, its delivery count set to the attempt. */
    void movePending(String taskId, String agent, int attempt) {
        StreamEntryID id = new StreamEntryID(taskId);
        XClaimParams params = XClaimParams.xClaimParams().retryCount(attempt);
        ctx.gateway().call(Operation.GROUP_CLAIM, stream, j -> j.xclaimJustId(stream, TaskBoard.GROUP, agent, 0, params, id));
    }
}
