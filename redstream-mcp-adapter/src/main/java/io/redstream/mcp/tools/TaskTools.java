package io.redstream.mcp.tools;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.redstream.core.task.CreatedTask;
import io.redstream.core.task.NewTask;
import io.redstream.core.task.Task;
import io.redstream.core.task.TaskBoard;
import io.redstream.core.task.TaskChange;
import io.redstream.core.task.TaskEvent;
import io.redstream.core.task.TaskEventType;
import io.redstream.core.task.TaskPage;
import io.redstream.core.task.TaskStatus;
import io.redstream.core.task.TaskSummary;
import io.redstream.mcp.tool.Default;
import io.redstream.mcp.tool.Doc;
import io.redstream.mcp.tool.Limit;
import io.redstream.mcp.tool.Nullable;
import io.redstream.mcp.tool.Range;
import io.redstream.mcp.tool.Required;
import io.redstream.mcp.tool.ToolDefinition;
import io.redstream.mcp.tool.ToolHints;
import io.redstream.mcp.tool.Toolset;

/**
 * The task board: {@code task_create}, {@code task_claim}, {@code task_update}, {@code task_get},
 * {@code task_list}. Each tool is one call of core's {@link TaskBoard} on the caller's guarded view, which checks
 * the caller's roles and that it acts only as itself before anything is sent.
 */
final class TaskTools {

    static final String BOARD = "Board name: the entity segment of {namespace}:task:{board}:tasks, [A-Za-z0-9_-]"
            + " (1 to 128 characters), e.g. router";

    static final String TASK_ID = "Task id, as task_create or task_claim returned it (e.g. 1700000000000-0)";

    private static final String ROLES = " Needs the task_read role (get, list) or task_write role (create, claim,"
            + " update).";

    private TaskTools() {
    }

    static List<ToolDefinition<?, ?>> all() {
        return List.of(create(), claim(), update(), get(), list());
    }

    /** Every status of a task, as agents see it. */
    enum Status {
        @JsonProperty("open") OPEN(TaskStatus.OPEN),
        @JsonProperty("claimed") CLAIMED(TaskStatus.CLAIMED),
        @JsonProperty("in_progress") IN_PROGRESS(TaskStatus.IN_PROGRESS),
        @JsonProperty("done") DONE(TaskStatus.DONE),
        @JsonProperty("failed") FAILED(TaskStatus.FAILED),
        @JsonProperty("dead") DEAD(TaskStatus.DEAD);

        final TaskStatus core;

        Status(TaskStatus core) {
            this.core = core;
        }

        static Status of(TaskStatus status) {
            return valueOf(status.name());
        }
    }

    /** The statuses a holder may report. */
    enum Update {
        @JsonProperty("in_progress") IN_PROGRESS(TaskStatus.IN_PROGRESS),
        @JsonProperty("done") DONE(TaskStatus.DONE),
        @JsonProperty("failed") FAILED(TaskStatus.FAILED);

        final TaskStatus core;

        Update(TaskStatus core) {
            this.core = core;
        }
    }

    record CreateArgs(@Required @Doc(BOARD) String board,
            @Required @Range(min = 1, max = NewTask.MAX_TITLE_LENGTH) @Doc("What is to be done, in one line")
            String title,
            @Range(min = 1, max = NewTask.MAX_DESCRIPTION_LENGTH) @Doc("Details for the agent that does it")
            String description,
            @Default("0") @Doc("Priority (informational: claims hand out the oldest task first)") int priority,
            @Doc("The only agent that may claim it; default: any agent") String assignee,
            @Range(limit = Limit.COUNT) @Doc("Input for the agent: names to JSON values, stored as JSON within"
                    + " {max_value_bytes} bytes") Map<String, Object> payload,
            @Range(min = 1, max = NewTask.MAX_ATTEMPTS_LIMIT) @Default("3")
            @Doc("Claims allowed before a failed or expired task is dead") int maxAttempts,
            @Range(min = 1, max = NewTask.MAX_TRACE_ID_LENGTH) @Doc("Correlates the task's events with other work;"
                    + " default: a new random id") String traceId) {
    }

    record CreateResult(String board, String taskId, Status status, String traceId) {

        static CreateResult of(CreatedTask t) {
            return new CreateResult(t.board(), t.taskId(), Status.of(t.status()), t.traceId());
        }
    }

    static ToolDefinition<CreateArgs, CreateResult> create() {
        return ToolDefinition.builder("task_create", CreateArgs.class, CreateResult.class)
                .title("Create a task")
                .description("Adds an open task to a board ({namespace}:task:{board}:tasks); any agent (or only the"
                        + " assignee) can claim it at once with task_claim. A failed or expired task is handed out"
                        + " again until max_attempts claims were made; then it is dead and on the board's dead-letter"
                        + " stream. Every transition is appended to {namespace}:task:{board}:events." + ROLES)
                .hints(ToolHints.write(false, false))
                .toolset(Toolset.TASKS)
                .handler((args, call) -> {
                    NewTask.Builder task = NewTask.builder(args.title()).priority(args.priority())
                            .maxAttempts(args.maxAttempts());
                    Optional.ofNullable(args.description()).ifPresent(task::description);
                    Optional.ofNullable(args.assignee()).ifPresent(task::assignee);
                    Optional.ofNullable(args.payload()).ifPresent(task::payload);
                    Optional.ofNullable(args.traceId()).ifPresent(task::traceId);
                    return CreateResult.of(call.redis().tasks(args.board()).create(task.build()));
                })
                .build();
    }

    record ClaimArgs(@Required @Doc(BOARD) String board,
            @Doc(Conversions.AGENT) String agent,
            @Range(min = 1, max = 86_400) @Default("300")
            @Doc("How long the agent holds the task without reporting progress, in seconds") long leaseSeconds) {
    }

    record ClaimedTask(String taskId, String title, @Nullable String description, int priority,
            Map<String, Object> payload, @Doc("1 on the first claim; higher when the task was handed out before")
            int attempt, @Doc("ISO-8601 instant: report progress (task_update in_progress) before it to keep the task")
            String leaseExpiresAt) {

        static ClaimedTask of(Task t) {
            return new ClaimedTask(t.taskId(), t.title(), t.description(), t.priority(), t.payload(), t.attempt(),
                    Conversions.instant(t.leaseExpiresAt()));
        }
    }

    record ClaimResult(@Doc("false when no task was claimable") boolean claimed,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Doc("The claimed task; absent when none was claimable")
            ClaimedTask task) {
    }

    static ToolDefinition<ClaimArgs, ClaimResult> claim() {
        return ToolDefinition.builder("task_claim", ClaimArgs.class, ClaimResult.class)
                .title("Claim a task")
                .description("Hands the agent the oldest claimable task of a board: never handed out, or whose lease"
                        + " ran out, or failed and due for retry. The agent holds it until lease_expires_at; report"
                        + " progress with task_update (status in_progress renews the lease) and finish with status"
                        + " done or failed. claimed is false when nothing is claimable (not an error). agent defaults"
                        + " to the caller's own identity; only an admin may claim for another agent." + ROLES)
                .hints(ToolHints.write(false, false))
                .toolset(Toolset.TASKS)
                .handler((args, call) -> {
                    Optional<Task> task = call.redis().tasks(args.board()).claim(Conversions.agent(args.agent(), call),
                            Duration.ofSeconds(args.leaseSeconds()));
                    return new ClaimResult(task.isPresent(), task.map(ClaimedTask::of).orElse(null));
                })
                .build();
    }

    record UpdateArgs(@Required @Doc(BOARD) String board, @Required @Doc(TASK_ID) String taskId,
            @Doc(Conversions.AGENT) String agent,
            @Required @Doc("in_progress: still working (renews the lease); done: finished, with result; failed: this"
                    + " attempt failed (retried until max_attempts, then dead)") Update status,
            @Range(min = 1, max = TaskBoard.MAX_NOTE_LENGTH) @Doc("What happened, kept as the task's note; for failed,"
                    + " the reason") String note,
            @Range(limit = Limit.COUNT) @Doc("Only with status done: the outcome, names to JSON values")
            Map<String, Object> result) {
    }

    record UpdateResult(String taskId, @Doc("The status after the update (failed on the last attempt: dead)")
            Status status, int attempt,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Doc("After in_progress: the renewed lease (ISO-8601)")
            String leaseExpiresAt) {

        static UpdateResult of(TaskChange c) {
            return new UpdateResult(c.taskId(), Status.of(c.status()), c.attempt(),
                    c.leaseExpiresAt() == null ? null : Conversions.instant(c.leaseExpiresAt()));
        }
    }

    static ToolDefinition<UpdateArgs, UpdateResult> update() {
        return ToolDefinition.builder("task_update", UpdateArgs.class, UpdateResult.class)
                .title("Update a claimed task")
                .description("The holder reports on its task: in_progress renews the lease, done completes it with"
                        + " result (final), failed gives up this attempt (handed out again until max_attempts, then"
                        + " dead with the note as reason). Only the current holder within its lease may update: anyone"
                        + " else, or an update of a done or dead task, gets CONFLICT naming the holder and attempt."
                        + " agent defaults to the caller's own identity." + ROLES)
                .hints(ToolHints.write(false, false))
                .toolset(Toolset.TASKS)
                .handler((args, call) -> UpdateResult.of(call.redis().tasks(args.board()).update(
                        Conversions.agent(args.agent(), call), args.taskId(), args.status().core, args.note(),
                        args.result())))
                .build();
    }

    record GetArgs(@Required @Doc(BOARD) String board, @Required @Doc(TASK_ID) String taskId) {
    }

    enum EventType {
        @JsonProperty("created") CREATED,
        @JsonProperty("claimed") CLAIMED,
        @JsonProperty("progress") PROGRESS,
        @JsonProperty("done") DONE,
        @JsonProperty("failed") FAILED,
        @JsonProperty("expired") EXPIRED,
        @JsonProperty("dead") DEAD;

        static EventType of(TaskEventType type) {
            return valueOf(type.name());
        }
    }

    record HistoryEvent(@Doc("Position in the history, from 1") long seq, EventType type,
            @Doc("The status right after it") Status status,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Doc("The acting agent") String agent, int attempt,
            @Doc("ISO-8601 instant") String at, @JsonInclude(JsonInclude.Include.NON_NULL) String note) {

        static HistoryEvent of(TaskEvent e) {
            return new HistoryEvent(e.seq(), EventType.of(e.type()), Status.of(e.status()), e.agent(), e.attempt(),
                    Conversions.instant(e.at()), e.note());
        }
    }

    record GetResult(String taskId, Status status,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Doc("The holder (claimed, in_progress), who completed it"
                    + " (done) or held the last attempt (failed, dead); absent when open") String owner,
            int attempt, int maxAttempts, String title, @Nullable String description, int priority,
            Map<String, Object> payload,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Doc("The result given with done") Map<String, Object> result,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Doc("The only agent that may claim it") String assignee,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Doc("When the holder's lease ends (ISO-8601); a past instant"
                    + " means the task is claimable again") String leaseExpiresAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Doc("When a failed task is claimable again (ISO-8601)")
            String retryAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Doc("The last note") String note,
            String traceId, String createdAt, String updatedAt,
            @Doc("Its transitions, oldest first (the last " + TaskBoard.HISTORY_LIMIT + ")")
            List<HistoryEvent> history) {

        static GetResult of(Task t) {
            List<HistoryEvent> history = new ArrayList<>(t.history().size());
            t.history().forEach(e -> history.add(HistoryEvent.of(e)));
            return new GetResult(t.taskId(), Status.of(t.status()), t.owner(), t.attempt(), t.maxAttempts(),
                    t.title(), t.description(), t.priority(), t.payload(), t.result(), t.assignee(),
                    Conversions.instant(t.leaseExpiresAt()), Conversions.instant(t.retryAt()), t.note(),
                    t.traceId(), Conversions.instant(t.createdAt()), Conversions.instant(t.updatedAt()), history);
        }
    }

    static ToolDefinition<GetArgs, GetResult> get() {
        return ToolDefinition.builder("task_get", GetArgs.class, GetResult.class)
                .title("Get a task")
                .description("Every field of a task and its history of transitions (created, claimed, progress, done,"
                        + " failed, expired, dead). An unknown task id is NOT_FOUND." + ROLES)
                .hints(ToolHints.READ_ONLY)
                .toolset(Toolset.TASKS)
                .handler((args, call) -> GetResult.of(call.redis().tasks(args.board()).get(args.taskId())))
                .build();
    }

    record ListArgs(@Required @Doc(BOARD) String board, @Doc("Only tasks with this status; default: every status")
            Status status,
            @Default("\"0\"") @Doc(Conversions.CURSOR) String cursor,
            @Range(min = 1, limit = Limit.COUNT) @Default("100") @Doc("At most this many tasks") int count) {
    }

    record Summary(String taskId, Status status, @JsonInclude(JsonInclude.Include.NON_NULL) String owner,
            String title, int attempt) {

        static Summary of(TaskSummary s) {
            return new Summary(s.taskId(), Status.of(s.status()), s.owner(), s.title(), s.attempt());
        }
    }

    record ListResult(List<Summary> tasks, @Doc("\"0\" when the listing is complete") String cursor) {
    }

    static ToolDefinition<ListArgs, ListResult> list() {
        return ToolDefinition.builder("task_list", ListArgs.class, ListResult.class)
                .title("List tasks")
                .description("Lists a board's tasks, oldest first, optionally only those with one status, one page"
                        + " per call. A page may hold fewer tasks than count (even none) while the cursor is not"
                        + " \"0\": call again with the returned cursor until it is \"0\"." + ROLES)
                .hints(ToolHints.READ_ONLY)
                .toolset(Toolset.TASKS)
                .handler((args, call) -> {
                    TaskPage page = call.redis().tasks(args.board()).list(
                            args.status() == null ? null : args.status().core, args.cursor(), args.count());
                    List<Summary> tasks = new ArrayList<>(page.tasks().size());
                    page.tasks().forEach(s -> tasks.add(Summary.of(s)));
                    return new ListResult(tasks, page.cursor());
                })
                .build();
    }
}
