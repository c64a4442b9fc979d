package io.redstream.core.task;

import io.redstream.core.InvalidArgumentException;

/** A transition of a task, as recorded in its history and appended to the board's events stream. */
public enum TaskEventType {
    /** The task was added to the board. */
    CREATED("created"),
    /** An agent claimed the task under a lease. */
    CLAIMED("claimed"),
    /** The holder reported progress and renewed its lease. */
    PROGRESS("progress"),
    /** The holder completed the task. */
    DONE("done"),
    /** The holder gave up on the attempt; the task is claimable again once its retry is due. */
    FAILED("failed"),
    /** The holder's lease ran out before it finished. */
    EXPIRED("expired"),
    /** The task's attempts are exhausted; it went to the dead-letter stream. */
    DEAD("dead");

    private final String id;

    TaskEventType(String id) {
        this.id = id;
    }

    /**
     * The stored name, e.g. {@code expired}.
     *
     * @return the lower-case name
     */
    public String id() {
        return id;
    }

    /**
     * The event type named {@code id}.
     *
     * @throws InvalidArgumentException {@code id} names no event type
     * @param id the stored name, for example {@code claimed}
     * @return the event type
     */
    public static TaskEventType of(String id) {
        for (TaskEventType t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw new InvalidArgumentException("task event type '" + id + "' is unknown");
    }
}
