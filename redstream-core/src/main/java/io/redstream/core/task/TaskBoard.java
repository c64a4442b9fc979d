package io.redstream.core.task;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A board of tasks that agents claim under a lease, work on and complete — at least once, and each at most once
 * {@code done}. Obtained from {@code RedStream.tasks(board)}.
 *
 * <pre>{@code
 * TaskBoard board = rs.tasks("boomerang");
 * CreatedTask created = board.create(NewTask.builder("Summarise ticket 42")
 *         .payload(Map.of("ticket", 42)).maxAttempts(3).build());
 *
 * // an agent's loop
 * Optional<Task> next = board.claim("agent-alpha", Duration.ofMinutes(5));
 * next.ifPresent(task -> {
 *     board.progress("agent-alpha", task.taskId(), "read the ticket");        // renews the lease
 *     try {
 *         board.complete("agent-alpha", task.taskId(), Map.of("summary", work(task)), null);
 *     } catch (RuntimeException e) {
 *         board.fail("agent-alpha", task.taskId(), e.getMessage());           // retried until maxAttempts
 *     }
 * });
 * }</pre>
 *
 * <p><b>Storage</b> (names under the client's namespace, {@code nova} by default): the tasks are entries of the
 * stream {@code nova:task:{board}:tasks}, read by the one consumer group {@value #GROUP} whose pending list holds
 * every unfinished task that was ever handed out, under the consumer named like its holder; each task's state and
 * history is the hash {@code nova:task:{board}:task:{task_id}}; every transition is appended to
 * {@code nova:task:{board}:events}; dead tasks are added to {@code nova:task:{board}:tasks:dlq} with the reason.
 * The three keys live in different cluster slots: every step touches one key (compare-and-set by a Lua script on
 * the task's hash), and {@code docs/coordination.md} lists the steps of each operation and why a crash between any
 * two of them loses nothing.
 *
 * <p><b>Leases and time.</b> Leases, retry times and expiry are measured with the client's injected
 * {@link java.time.Clock}; clients sharing a board need synchronised clocks (a skew shortens or lengthens leases by
 * that much). Leases are between {@link #MIN_LEASE} and {@link #MAX_LEASE}.
 *
 * <p><b>Errors.</b> An unknown task id: {@link io.redstream.core.NotFoundException}. An update by anyone but the
 * holder within its lease, or of a final task: {@link TaskConflictException} naming the holder and attempt. Bad
 * arguments: {@link io.redstream.core.InvalidArgumentException} (board names:
 * {@link io.redstream.core.InvalidNameException}). On a guarded view a denied call throws
 * {@link io.redstream.core.AccessDeniedException} before any command is sent.
 *
 * <p><b>Thread-safety and lifecycle.</b> Thread-safe and cheap: it holds only names and shares the client's
 * connections. Nothing to close; it works while the client is open.
 */
public interface TaskBoard {
    /** The consumer group of the tasks stream. */
    String GROUP = "board";
    /** Shortest lease. */
    Duration MIN_LEASE = Duration.ofSeconds(1);
    /** Longest lease. */
    Duration MAX_LEASE = Duration.ofHours(24);
    /** A lease for callers that take it as optional input (the board itself has no default). */
    Duration DEFAULT_LEASE = Duration.ofMinutes(5);
    /** Longest retry delay of {@link #fail(String, String, String, Duration)}. */
    Duration MAX_RETRY_DELAY = Duration.ofHours(24);
    /** Transitions kept in a task's history; older ones are dropped. */
    int HISTORY_LIMIT = 200;
    /** Longest note. */
    int MAX_NOTE_LENGTH = 4096;
    /**
     * How old a task's last change must be before another client finishes steps it left undone (publishing its
     * events, writing its dead-letter entry, acknowledging a final task). Younger ones are presumed still being
     * finished by the client that made the change, so a healthy run writes each event once.
     */
    Duration REPAIR_AFTER = Duration.ofSeconds(5);

    /**
     * The board's name (the entity segment).
     *
     * @return the entity segment given to {@code RedStream.tasks(board)}
     */
    String board();

    /** {@code nova:task:{board}:tasks}. */
    /**
     * The stream whose entries are the board's tasks.
     *
     * @return the full stream name
     */
    String tasksStream();

    /** {@code nova:task:{board}:events}. */
    /**
     * The stream every transition of the board's tasks is appended to.
     *
     * @return the full stream name
     */
    String eventsStream();

    /** {@code nova:task:{board}:tasks:dlq}. */
    /**
     * The stream dead tasks are added to, with the reason.
     *
     * @return the full stream name
     */
    String deadLetterStream();

    /**
     * Adds an open task. It is claimable at once.
     *
     * @throws io.redstream.core.LimitExceededException the encoded task exceeds {@code limits.maxMessageBytes}
     * @param task the title, payload, assignee and attempt limit of the new task
     * @return the task id and entry id of the new task
     */
    CreatedTask create(NewTask task);

    /**
     * Hands {@code agent} the oldest claimable task — never handed out, or whose lease ran out, or failed and due
     * for retry — and, if assigned, assigned to {@code agent}. Its {@code attempt} goes up by one, its status
     * becomes {@code claimed} and {@code agent} holds it until {@link Task#leaseExpiresAt()}. On its way the
     * claim records the expiry of leases that ran out (a task whose last attempt expired dies), and finishes
     * steps a crashed client left undone.
     *
     * @param agent who claims; on a guarded view, the caller's own subject unless the caller is an admin
     * @param lease how long {@code agent} holds the task without progress, {@link #MIN_LEASE} to {@link #MAX_LEASE}
     * @return the task with its new lease, or empty when nothing is claimable
     */
    Optional<Task> claim(String agent, Duration lease);

    /**
     * The holder reports progress: the status becomes {@code in_progress} and the lease is renewed for the length
     * given at claim.
     *
     * @param note optional (at most {@value #MAX_NOTE_LENGTH} characters), kept as the task's note
     * @throws TaskConflictException {@code agent} does not hold the task within its lease, or the task is final
     * @throws io.redstream.core.NotFoundException no such task
     * @param agent the holder
     * @param taskId the task to update
     * @return the task's new status, attempt and lease
     */
    TaskChange progress(String agent, String taskId, String note);

    /**
     * The holder completes the task: {@code done}, final, with {@code result}.
     *
     * @param result optional map (stored as JSON; bounded by {@code limits.maxValueBytes})
     * @param note optional
     * @throws TaskConflictException {@code agent} does not hold the task within its lease, or the task is final
     * @throws io.redstream.core.NotFoundException no such task
     * @param agent the holder
     * @param taskId the task to complete
     * @return the task's final status and attempt
     */
    TaskChange complete(String agent, String taskId, Map<String, ?> result, String note);

    /**
     * {@link #fail(String, String, String, Duration)} with the retry due at once.
     *
     * @param agent the holder
     * @param taskId the task that failed
     * @param note why the attempt failed; optional, at most {@value #MAX_NOTE_LENGTH} characters
     * @return the task's new status ({@code failed} or {@code dead}) and attempt
     * @throws TaskConflictException {@code agent} does not hold the task within its lease, or the task is final
     * @throws io.redstream.core.NotFoundException no such task
     */
    TaskChange fail(String agent, String taskId, String note);

    /**
     * The holder gives up on this attempt: {@code failed}, claimable again after {@code retryDelay}; on the last
     * attempt ({@code attempt == maxAttempts}) {@code dead} instead, and added to the dead-letter stream with
     * {@code note} as the reason.
     *
     * @param retryDelay zero to {@link #MAX_RETRY_DELAY}
     * @throws TaskConflictException {@code agent} does not hold the task within its lease, or the task is final
     * @throws io.redstream.core.NotFoundException no such task
     * @param agent the holder
     * @param taskId the task that failed
     * @param note why the attempt failed, the dead-letter reason on the last attempt; optional
     * @return the task's new status ({@code failed} or {@code dead}) and attempt
     */
    TaskChange fail(String agent, String taskId, String note, Duration retryDelay);

    /**
     * One entry point for the three updates: {@code in_progress} is {@link #progress}, {@code done} is
     * {@link #complete}, {@code failed} is {@link #fail(String, String, String)}.
     *
     * @param result only for {@code done}; must be {@code null} otherwise
     * @throws io.redstream.core.InvalidArgumentException {@code status} is another status, or a result was given
     *     for a status other than {@code done}
     *
     * @param agent the holder
     * @param taskId the task to update
     * @param status {@code in_progress}, {@code done} or {@code failed}
     * @param note optional, at most {@value #MAX_NOTE_LENGTH} characters
     * @return the task's new status, attempt and lease
     */
    TaskChange update(String agent, String taskId, TaskStatus status, String note, Map<String, ?> result);

    /**
     * Every field of a task and its history.
     *
     * @throws io.redstream.core.NotFoundException no such task on this board
     * @param taskId the task id returned by {@link #create(NewTask)}
     * @return the task with its history, at most {@value #HISTORY_LIMIT} transitions
     */
    Task get(String taskId);

    /**
     * Tasks of this board, oldest first, optionally only those with {@code status}.
     *
     * @param status {@code null} for every status
     * @param cursor {@code "0"} to start, else the cursor of the previous page
     * @param count most tasks on the page, 1 to {@code limits.maxCount}
     * @return one page of task summaries and the cursor to continue with ({@code "0"} when done)
     */
    TaskPage list(TaskStatus status, String cursor, int count);

    /**
     * Does what claims do on their way, without claiming: records every expired lease (a task whose last attempt
     * expired dies) and finishes steps that crashed clients left undone. Claims make this unnecessary on a busy
     * board; run it on a schedule to keep statuses and events current on a quiet one.
     *
     * @return how many unfinished tasks were looked at, expired, died and repaired
     */
    SweepReport sweep();
}
