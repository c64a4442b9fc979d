package io.redstream.core.task;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The outcome of an update by the holder.
 *
 * @param taskId the task's id
 * @param status its status after the update ({@code in_progress}, {@code done}, {@code failed} or {@code dead})
 * @param attempt the attempt the update belonged to
 * @param leaseExpiresAt the renewed lease after progress; {@code null} after any other update
 */
public record TaskChange(String taskId, TaskStatus status, int attempt, Instant leaseExpiresAt) {
    /**
     * Checks the required values.
     *
     * @param taskId the task's id
     * @param status its status after the update ({@code in_progress}, {@code done}, {@code failed} or {@code dead})
     * @param attempt the attempt the update belonged to
     * @param leaseExpiresAt the renewed lease after progress; {@code null} after any other update
     */
    public TaskChange {
        requireNonNull(taskId, "taskId");
        requireNonNull(status, "status");
    }
}
