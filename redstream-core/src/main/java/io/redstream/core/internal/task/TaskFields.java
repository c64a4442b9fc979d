package io.redstream.core.internal.task;

import java.util.List;

/** Field names of a task's entry on the tasks stream and of its hash. */
final class TaskFields {
    // the task's definition: on the stream entry, copied into the hash
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String PRIORITY = "priority";
    static final String ASSIGNEE = "assignee";
    static final String PAYLOAD = "payload";
    static final String MAX_ATTEMPTS = "max_attempts";

    // the hash only
    static final String TASK_ID = "task_id";
    static final String BOARD = "board";
    static final String TRACE_ID = "trace_id";
    static final String CREATED_AT = "created_at";
    static final String CREATED_BY = "created_by";
    static final String STATUS = "status";
    static final String ATTEMPT = "attempt";
    static final String OWNER = "owner";
    static final String LEASE_MS = "lease_ms";
    static final String LEASE_EXPIRES_AT = "lease_expires_at";
    static final String RETRY_AT = "retry_at";
    static final String RESULT = "result";
    static final String NOTE = "note";
    static final String UPDATED_AT = "updated_at";
    static final String OUTBOX = "outbox";
    static final String DLQ_ID = "dlq_id";
    static final String HISTORY_PREFIX = "h:";

    /** What a claim scan or a listing reads of each hash, in this order. */
    static final List<String> SUMMARY = List.of(STATUS, ATTEMPT, MAX_ATTEMPTS, OWNER, LEASE_EXPIRES_AT, RETRY_AT,
            ASSIGNEE, UPDATED_AT, OUTBOX, DLQ_ID, TRACE_ID, TITLE);

    private TaskFields() {
    }
}
