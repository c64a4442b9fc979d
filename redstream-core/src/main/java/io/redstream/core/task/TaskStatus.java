package io.redstream.core.task;

import io.redstream.core.InvalidArgumentException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Where a task stands. {@link #id()} is the stable lower-case name stored in Redis and shown to agents.
 *
 * <p>Transitions: {@code open → claimed} (claim); {@code claimed/in_progress → in_progress} (progress),
 * {@code → done} (complete), {@code → failed} (fail) or {@code → dead} (fail on the last attempt);
 * {@code claimed/in_progress → open} when the lease ran out, or {@code → dead} when that was the last attempt;
 * {@code failed → claimed} (claim, once the retry is due). {@code done} and {@code dead} are final. See
 * {@code docs/coordination.md}.
 */
public enum TaskStatus {
    /** Created, or its lease ran out; claimable. */
    OPEN("open"),
    /** Handed to an agent, which holds a lease. */
    CLAIMED("claimed"),
    /** The holder reported progress (and renewed its lease). */
    IN_PROGRESS("in_progress"),
    /** Completed with a result. Final. */
    DONE("done"),
    /** The holder gave up on this attempt; claimable again once its retry is due. */
    FAILED("failed"),
    /** Attempts exhausted; the task is on the board's dead-letter stream. Final. */
    DEAD("dead");

    private final String id;

    TaskStatus(String id) {
        this.id = id;
    }

    /**
     * The stored name, e.g. {@code in_progress}.
     *
     * @return the lower-case name
     */
    public String id() {
        return id;
    }

    /**
     * Whether no further transition is possible ({@link #DONE}, {@link #DEAD}).
     *
     * @return {@code true} for {@code done} and {@code dead}
     */
    public boolean isFinal() {
        return this == DONE || this == DEAD;
    }

    /**
     * Whether an agent holds the task under a lease ({@link #CLAIMED}, {@link #IN_PROGRESS}).
     *
     * @return {@code true} for {@code claimed} and {@code in_progress}
     */
    public boolean isHeld() {
        return this == CLAIMED || this == IN_PROGRESS;
    }

    /**
     * The status named {@code id}.
     *
     * @throws InvalidArgumentException {@code id} names no status
     * @param id the stored name, for example {@code in_progress}
     * @return the status
     */
    public static TaskStatus of(String id) {
        for (TaskStatus s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new InvalidArgumentException("status must be one of " + Arrays.stream(values()).map(TaskStatus::id)
                .collect(Collectors.joining(", ", "[", "]")) + ", but was " + (id == null ? "null" : "'" + id + "'"));
    }
}
