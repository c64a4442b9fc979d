package io.redstream.core.internal.task;

/**
 * Called at every {@link TaskStep}, so tests can stop an operation there as a crash would. Production boards use
 * {@link #NONE}.
 */
@FunctionalInterface
public interface StepHook {
    /** The hook that does nothing. */
    StepHook NONE = step -> { };

    /**
     * Called when {@code step} is reached; throwing ends the operation there.
     *
     * @param step the step reached
     */
    void reached(TaskStep step);
}
