package io.redstream.core.internal.task;

import io.redstream.core.task.TaskConflictException;
import io.redstream.core.task.TaskStatus;
import java.time.Instant;

/** The messages of refused updates: who holds the task, on which attempt, and what the caller can do. */
final class Refusals {
    private Refusals() {
    }

    static TaskConflictException conflict(String outcome, String board, String taskId, String agent,
            TaskStatus status, String owner, int attempt, Instant lease) {
        String task = "task '" + taskId + "' on board '" + board + "'";
        String message = switch (outcome) {
            case "final" -> task + " is " + status.id() + " (attempt " + attempt
                    + (owner == null ? "" : ", agent '" + owner + "'") + "): done and dead tasks are final";
            case "other" -> task + " is held by agent '" + owner + "' (attempt " + attempt + "), not by '" + agent
                    + "'";
            case "expired" -> task + ": the lease of agent '" + agent + "' on attempt " + attempt + " expired at "
                    + lease + "; claim a task again";
            default -> task + " is not held by agent '" + agent + "': it is " + status.id() + " (attempt " + attempt
                    + ")" + (status == TaskStatus.FAILED ? " and waits for its retry"
                    : " and waits for a claim");
        };
        return new TaskConflictException(message, status, owner, attempt);
    }
}
