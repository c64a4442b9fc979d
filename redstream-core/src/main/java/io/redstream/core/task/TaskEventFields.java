package io.redstream.core.task;

/**
 * Fields of an entry on a board's events stream ({@code nova:task:{board}:events}), one entry per transition.
 * Besides these, each entry has the usual {@code _timestamp}, {@code _source} and {@code _trace_id} (the task's
 * trace id). {@code task_id} and {@code seq} together identify a transition: after a crash an event can be written
 * twice, never with a different content, so a reader that must not see duplicates drops repeats of the pair.
 */
public final class TaskEventFields {
    /** The task's id. */
    public static final String TASK_ID = "task_id";
    /** The event's position in the task's history, from 1. */
    public static final String SEQ = "seq";
    /** The event type's id ({@link TaskEventType#id()}). */
    public static final String EVENT = "event";
    /** The task's status right after it ({@link TaskStatus#id()}). */
    public static final String STATUS = "status";
    /** The attempt it belongs to. */
    public static final String ATTEMPT = "attempt";
    /** The acting agent; absent for {@code created}. */
    public static final String AGENT = "agent";
    /** The note given with it; absent when none. */
    public static final String NOTE = "note";
    /** When it happened, epoch ms, by the acting client's clock. */
    public static final String AT = "at";

    private TaskEventFields() {
    }
}
