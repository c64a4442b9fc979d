/**
 * The task board implementation behind {@code RedStream.tasks(board)}; not an API.
 *
 * <p>{@link io.redstream.core.internal.task.DefaultTaskBoard} implements each operation as single-key steps
 * (compare-and-set Lua scripts on the task hash, appends to the events stream, acknowledgements), so a crash
 * between any two steps loses nothing; {@link io.redstream.core.internal.task.StepHook} lets tests stop an
 * operation at any step.
 */
package io.redstream.core.internal.task;
