package io.redstream.core.task;

import static java.util.Objects.requireNonNull;

/**
 * What {@link TaskBoard#create} returns.
 *
 * @param board the board's name
 * @param taskId the new task's id
 * @param status {@link TaskStatus#OPEN}
 * @param traceId the trace id written on the task and its events (the caller's, or a new one)
 */
public record CreatedTask(String board, String taskId, TaskStatus status, String traceId) {
    /**
     * Checks that every value is given.
     *
     * @param board the board's name
     * @param taskId the new task's id
     * @param status {@link TaskStatus#OPEN}
     * @param traceId the trace id written on the task and its events (the caller's, or a new one)
     */
    public CreatedTask {
        requireNonNull(board, "board");
        requireNonNull(taskId, "taskId");
        requireNonNull(status, "status");
        requireNonNull(traceId, "traceId");
    }
}
