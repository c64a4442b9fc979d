/**
 * Task boards: tasks agents claim under a lease, report progress on and complete or fail, delivered at least once
 * and each done at most once, with retries, expiry and a dead-letter stream.
 *
 * <p>Entry point: {@link io.redstream.core.task.TaskBoard}, from {@code RedStream.tasks(board)}; tasks are created
 * from a {@link io.redstream.core.task.NewTask} and read back as {@link io.redstream.core.task.Task}.
 */
package io.redstream.core.task;
