package io.redstream.core.task;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A task as stored on its board: what was asked, where it stands, and its history. Immutable; {@code payload},
 * {@code result} and {@code history} are unmodifiable.
 *
 * @param board the board's name
 * @param taskId the task's id (its entry id on {@code nova:task:{board}:tasks})
 * @param status where it stands
 * @param title the title given at creation
 * @param description the description, or {@code null}
 * @param priority the priority given at creation (informational; claims go oldest first)
 * @param assignee the only agent that may claim it, or {@code null} for any agent
 * @param payload the payload given at creation (empty when none)
 * @param attempt how many times it was claimed (0 before the first claim)
 * @param maxAttempts the attempt after whose failure or expiry the task is dead
 * @param owner the agent holding it ({@code claimed}, {@code in_progress}), that completed it ({@code done}), or
 *     that held the last attempt ({@code failed}, {@code dead}); {@code null} when open
 * @param leaseExpiresAt when the holder's lease ends, or {@code null} when nobody holds it; a lease in the past
 *     means the task is claimable again although its status still says {@code claimed}/{@code in_progress} until
 *     the next claim or sweep records the expiry
 * @param retryAt for a {@code failed} task, when it becomes claimable again; else {@code null}
 * @param result the result given with {@code done}, or {@code null}
 * @param note the last note (from progress, completion, failure or expiry), or {@code null}
 * @param traceId the trace id, also written on its events
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param history its transitions, oldest first (the last {@link TaskBoard#HISTORY_LIMIT})
 */
public record Task(String board, String taskId, TaskStatus status, String title, String description, int priority,
        String assignee, Map<String, Object> payload, int attempt, int maxAttempts, String owner,
        Instant leaseExpiresAt, Instant retryAt, Map<String, Object> result, String note, String traceId,
        Instant createdAt, Instant updatedAt, List<TaskEvent> history) {
    /**
     * Checks the required values; copies the maps and the history (no payload: empty).
     *
     * @param board the board's name
     * @param taskId the task's id (its entry id on {@code nova:task:{board}:tasks})
     * @param status where it stands
     * @param title the title given at creation
     * @param description the description, or {@code null}
     * @param priority the priority given at creation (informational; claims go oldest first)
     * @param assignee the only agent that may claim it, or {@code null} for any agent
     * @param payload the payload given at creation (empty when none)
     * @param attempt how many times it was claimed (0 before the first claim)
     * @param maxAttempts the attempt after whose failure or expiry the task is dead
     * @param owner the agent holding it ({@code claimed}, {@code in_progress}), that completed it ({@code done}), or
     *     that held the last attempt ({@code failed}, {@code dead}); {@code null} when open
     * @param leaseExpiresAt when the holder's lease ends, or {@code null} when nobody holds it; a lease in the past
     *     means the task is claimable again although its status still says {@code claimed}/{@code in_progress} until
     *     the next claim or sweep records the expiry
     * @param retryAt for a {@code failed} task, when it becomes claimable again; else {@code null}
     * @param result the result given with {@code done}, or {@code null}
     * @param note the last note (from progress, completion, failure or expiry), or {@code null}
     * @param traceId the trace id, also written on its events
     * @param createdAt when it was created
     * @param updatedAt when it last changed
     * @param history its transitions, oldest first (the last {@link TaskBoard#HISTORY_LIMIT})
     */
    public Task {
        requireNonNull(board, "board");
        requireNonNull(taskId, "taskId");
        requireNonNull(status, "status");
        requireNonNull(title, "title");
        payload = payload == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(payload));
        result = result == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(result));
        history = history == null ? List.of() : List.copyOf(history);
    }

    /**
     * Whether {@code agent} holds this task under a lease that is still running at {@code now}.
     *
     * @param agent the agent to check
     * @param now the time to compare the lease with
     * @return {@code true} when the status is held, {@code agent} is the owner and the lease ends after {@code now}
     */
    public boolean isHeldBy(String agent, Instant now) {
        return status.isHeld() && owner != null && owner.equals(agent) && leaseExpiresAt != null
                && leaseExpiresAt.isAfter(now);
    }

    /** Shows identity and state only: title, payload and result may be sensitive. */
    @Override
    public String toString() {
        return "Task[" + board + " " + taskId + " " + status.id() + " attempt " + attempt + "/" + maxAttempts
                + (owner == null ? "" : " owner " + owner) + "]";
    }
}
