package io.redstream.core.task;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One page of {@link TaskBoard#list}. Pass {@link #cursor()} back to continue; {@code "0"} means the listing is
 * complete. A page may hold fewer tasks than asked (even none) while the cursor is not {@code "0"}: each call reads
 * a bounded stretch of the board, so keep going.
 *
 * @param tasks the tasks of this page, oldest first
 * @param cursor where to continue, {@code "0"} when done
 */
public record TaskPage(List<TaskSummary> tasks, String cursor) {
    /**
     * Copies the tasks and checks the cursor.
     *
     * @throws NullPointerException {@code tasks} or {@code cursor} is {@code null}
     * @param tasks the tasks of this page, oldest first
     * @param cursor where to continue, {@code "0"} when done
     */
    public TaskPage {
        tasks = List.copyOf(tasks);
        requireNonNull(cursor, "cursor");
    }

    /**
     * Whether the listing reached the end of the board.
     *
     * @return {@code true} when the cursor is {@code "0"}
     */
    public boolean isComplete() {
        return "0".equals(cursor);
    }
}
