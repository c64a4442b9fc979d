package io.redstream.core.task;

import io.redstream.core.InvalidArgumentException;

/** A transition of a task, as recorded in its history and appended to the board's events stream. */
public enum TaskEventType {
    CREATED("created"),
    CLAIMED("claimed"),
    PROGRESS("progress"),
    DONE("done"),
    FAILED("failed"),
    EXPIRED("expired"),
    DEAD("dead");

    private final String id;

    TaskEventType(String id) {
        this.id = id;
    }

    /** The stored name, e.g. {@code expired}. */
    public String id() {
        return id;
    }

    /**
     * The event type named {@code id}.
     *
     * @throws InvalidArgumentException {@code id} names no event type
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
