package io.redstream.core.internal.task;

import static io.redstream.core.internal.task.TaskFields.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.redstream.core.RedStreamException;
import io.redstream.core.ErrorCode;
import io.redstream.core.internal.Json;
import io.redstream.core.stream.MessageFields;
import io.redstream.core.stream.StreamEntry;
import io.redstream.core.task.Task;
import io.redstream.core.task.TaskEvent;
import io.redstream.core.task.TaskEventType;
import io.redstream.core.task.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversions between a task's stream entry, its hash and the API's {@link Task}. */
final class TaskRecords {
    private TaskRecords() {
    }

    /**
     * The definition fields the hash is created with, from the task's stream entry: what {@code create} writes
     * and what a claim re-creates when a crash left an entry without its hash.
     */
    static List<String> definition(String board, String taskId, Map<String, String> entry) {
        List<String> pairs = new ArrayList<>();
        add(pairs, TASK_ID, taskId);
        add(pairs, BOARD, board);
        add(pairs, TITLE, entry.getOrDefault(TITLE, ""));
        add(pairs, DESCRIPTION, entry.get(DESCRIPTION));
        add(pairs, PRIORITY, entry.getOrDefault(PRIORITY, "0"));
        add(pairs, ASSIGNEE, entry.get(ASSIGNEE));
        add(pairs, PAYLOAD, entry.get(PAYLOAD));
        add(pairs, MAX_ATTEMPTS, entry.getOrDefault(MAX_ATTEMPTS, "3"));
        add(pairs, TRACE_ID, entry.get(MessageFields.TRACE_ID));
        add(pairs, CREATED_AT, Long.toString(createdAt(taskId, entry)));
        add(pairs, CREATED_BY, entry.get(MessageFields.SOURCE));
        return pairs;
    }

    static long createdAt(String taskId, Map<String, String> entry) {
        String ts = entry.get(MessageFields.TIMESTAMP);
        if (ts != null) {
            try {
                return Long.parseLong(ts);
            } catch (NumberFormatException ignored) {
                // fall back to the id, which always carries a time
            }
        }
        return Long.parseLong(taskId.substring(0, taskId.indexOf('-')));
    }

    private static void add(List<String> pairs, String field, String value) {
        if (value != null) {
            pairs.add(field);
            pairs.add(value);
        }
    }

    /** A task whose entry exists but whose hash does not yet (a crash right after create): open, no history. */
    static Task fromEntry(String board, StreamEntry entry) {
        Map<String, String> f = entry.fields();
        Instant created = Instant.ofEpochMilli(createdAt(entry.id(), f));
        return new Task(board, entry.id(), TaskStatus.OPEN, f.getOrDefault(TITLE, ""), f.get(DESCRIPTION),
                integer(f.getOrDefault(PRIORITY, "0")), f.get(ASSIGNEE), map(PAYLOAD, f.get(PAYLOAD)), 0,
                integer(f.getOrDefault(MAX_ATTEMPTS, "3")), null, null, null, null, null,
                f.get(MessageFields.TRACE_ID), created, created, List.of());
    }

    /** The task held in a hash ({@code HGETALL}); {@code hash} must not be empty. */
    static Task fromHash(String board, Map<String, String> h) {
        TaskStatus status = TaskStatus.of(h.get(STATUS));
        List<TaskEvent> history = new ArrayList<>();
        for (Map.Entry<String, String> e : h.entrySet()) {
            if (e.getKey().startsWith(HISTORY_PREFIX)) {
                history.add(event(Long.parseLong(e.getKey().substring(HISTORY_PREFIX.length())), e.getValue()));
            }
        }
        history.sort(Comparator.comparingLong(TaskEvent::seq));
        return new Task(board, h.get(TASK_ID), status, h.getOrDefault(TITLE, ""), h.get(DESCRIPTION),
                integer(h.get(PRIORITY)), blankToNull(h.get(ASSIGNEE)), map(PAYLOAD, h.get(PAYLOAD)),
                integer(h.get(ATTEMPT)), integer(h.get(MAX_ATTEMPTS)), blankToNull(h.get(OWNER)),
                instant(h.get(LEASE_EXPIRES_AT)), status == TaskStatus.FAILED ? instant(h.get(RETRY_AT)) : null,
                h.containsKey(RESULT) ? map(RESULT, h.get(RESULT)) : null, blankToNull(h.get(NOTE)),
                h.get(TRACE_ID), instant(h.get(CREATED_AT)), instant(h.get(UPDATED_AT)), history);
    }

    /** Flat {@code HGETALL} reply of a script (field, value, field, value ...) as a map. */
    static Map<String, String> hash(List<?> flat) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            out.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
        }
        return out;
    }

    /** One history event from the JSON a script wrote. */
    static TaskEvent event(long seq, String json) {
        JsonNode n = parse("event " + seq, json);
        JsonNode agent = n.get("agent");
        JsonNode note = n.get("note");
        return new TaskEvent(seq, TaskEventType.of(n.path("event").asText()), TaskStatus.of(n.path("status").asText()),
                agent == null || agent.isNull() ? null : agent.asText(), n.path("attempt").asInt(),
                Instant.ofEpochMilli(n.path("at").asLong()), note == null || note.isNull() ? null : note.asText());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String field, String json) {
        if (json == null || json.isEmpty()) {
            return null;
        }
        return Json.read("task field '" + field + "'", json, Map.class);
    }

    private static JsonNode parse(String what, String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new RedStreamException(ErrorCode.UNAVAILABLE, "task " + what + " is not valid JSON: "
                    + e.getMessage(), e);
        }
    }

    static Instant instant(String ms) {
        return ms == null || ms.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(ms));
    }

    static int integer(String v) {
        return v == null || v.isEmpty() ? 0 : Integer.parseInt(v);
    }

    static long number(String v) {
        return v == null || v.isEmpty() ? 0 : Long.parseLong(v);
    }

    static String blankToNull(String v) {
        return v == null || v.isEmpty() ? null : v;
    }
}
