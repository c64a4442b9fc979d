package io.redstream.core.internal.task;

import io.redstream.core.task.TaskStatus;
import java.util.List;

/**
 * The fields of a task's hash a scan decides on ({@link TaskFields#SUMMARY}); {@code status} is {@code null} when
 * the hash does not exist, and {@link #corrupt} marks a key that is not a task hash RedStream wrote (another type,
 * an unknown status, a field that does not parse): scans skip those instead of failing every claim on the board.
 */
record Summary(TaskStatus status, int attempt, int maxAttempts, String owner, long leaseExpiresAt, long retryAt,
        String assignee, long updatedAt, List<String> outbox, String dlqId, String traceId, String title,
        boolean corrupt) {

    static final Summary MISSING = new Summary(null, 0, 0, null, 0, 0, null, 0, List.of(), null, null, null, false);
    static final Summary CORRUPT = new Summary(null, 0, 0, null, 0, 0, null, 0, List.of(), null, null, null, true);

    static Summary of(List<String> values) {
        if (values.get(0) == null) {
            return MISSING;
        }
        try {
            return parse(values);
        } catch (RuntimeException unreadable) {
            return CORRUPT;
        }
    }

    private static Summary parse(List<String> values) {
        String outbox = values.get(8);
        return new Summary(TaskStatus.of(values.get(0)), TaskRecords.integer(values.get(1)),
                TaskRecords.integer(values.get(2)), TaskRecords.blankToNull(values.get(3)),
                TaskRecords.number(values.get(4)), TaskRecords.number(values.get(5)),
                TaskRecords.blankToNull(values.get(6)), TaskRecords.number(values.get(7)),
                outbox == null || outbox.isBlank() ? List.of() : List.of(outbox.trim().split(" +")),
                TaskRecords.blankToNull(values.get(9)), values.get(10), values.get(11), false);
    }

    boolean exists() {
        return status != null;
    }

    /** Whether another client may finish this task's open steps: its last change is {@code repairAfter} old. */
    boolean settledLongAgo(long now, long repairAfterMs) {
        return updatedAt + repairAfterMs <= now;
    }

    /** Whether {@code agent} could claim it at {@code now}. */
    boolean claimableBy(String agent, long now) {
        if (assignee != null && !assignee.equals(agent)) {
            return false;
        }
        return switch (status) {
            case OPEN -> true;
            case CLAIMED, IN_PROGRESS -> leaseExpiresAt <= now;
            case FAILED -> retryAt <= now;
            case DONE, DEAD -> false;
        };
    }

    boolean leaseRanOut(long now) {
        return status.isHeld() && leaseExpiresAt <= now;
    }
}
