package io.redstream.core.task;

import io.redstream.core.ConflictException;

/**
 * An update was refused because the caller does not hold the task: another agent holds it, the caller's lease ran
 * out, nobody holds it, or it is final. The message says which, naming the holder and attempt;
 * {@link #status()}, {@link #holder()} and {@link #attempt()} give the same facts typed.
 */
public class TaskConflictException extends ConflictException {
    private static final long serialVersionUID = 1L;

    /** The task's status when the update was refused. */
    private final TaskStatus status;
    /** The agent recorded as owner, or {@code null}. */
    private final String holder;
    /** The task's attempt when the update was refused. */
    private final int attempt;

    /**
     * A refusal saying {@code message}, with the task's status, recorded owner and attempt.
     *
     * @param message what was refused and why, naming the holder and attempt
     * @param status the task's status
     * @param holder the agent recorded as owner, or {@code null}
     * @param attempt the task's current attempt
     */
    public TaskConflictException(String message, TaskStatus status, String holder, int attempt) {
        super(message);
        this.status = status;
        this.holder = holder;
        this.attempt = attempt;
    }

    /**
     * The task's status when the update was refused.
     *
     * @return the status, as stored
     */
    public TaskStatus status() {
        return status;
    }

    /**
     * The agent recorded as owner (see {@link Task#owner()}), or {@code null}.
     *
     * @return the owner's agent name, or {@code null} when nobody is recorded
     */
    public String holder() {
        return holder;
    }

    /**
     * The task's current attempt.
     *
     * @return the attempt, 0 before the first claim
     */
    public int attempt() {
        return attempt;
    }
}
