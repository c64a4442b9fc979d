package io.redstream.core.task;

import io.redstream.core.ConflictException;

/**
 * An update was refused because the caller does not hold the task: another agent holds it, the caller's lease ran
 * out, nobody holds it, or it is final. The message says which, naming the holder and attempt;
 * {@link #status()}, {@link #holder()} and {@link #attempt()} give the same facts typed.
 */
public class TaskConflictException extends ConflictException {
    private static final long serialVersionUID = 1L;

    private final TaskStatus status;
    private final String holder;
    private final int attempt;

    /** A refusal saying {@code message}, with the task's status, recorded owner and attempt. */
    public TaskConflictException(String message, TaskStatus status, String holder, int attempt) {
        super(message);
        this.status = status;
        this.holder = holder;
        this.attempt = attempt;
    }

    /** The task's status when the update was refused. */
    public TaskStatus status() {
        return status;
    }

    /** The agent recorded as owner (see {@link Task#owner()}), or {@code null}. */
    public String holder() {
        return holder;
    }

    /** The task's current attempt. */
    public int attempt() {
        return attempt;
    }
}
