package io.redstream.core.task;

import static java.util.Objects.requireNonNull;

/**
 * A task as listed: enough to choose one to look at.
 *
 * @param taskId the task's id
 * @param status where it stands
 * @param owner see {@link Task#owner()}; {@code null} when open
 * @param title its title
 * @param attempt how many times it was claimed
 */
public record TaskSummary(String taskId, TaskStatus status, String owner, String title, int attempt) {
    /**
     * Checks the required values.
     *
     * @throws NullPointerException {@code taskId}, {@code status} or {@code title} is {@code null}
     * @param taskId the task's id
     * @param status where it stands
     * @param owner see {@link Task#owner()}; {@code null} when open
     * @param title its title
     * @param attempt how many times it was claimed
     */
    public TaskSummary {
        requireNonNull(taskId, "taskId");
        requireNonNull(status, "status");
        requireNonNull(title, "title");
    }
}
