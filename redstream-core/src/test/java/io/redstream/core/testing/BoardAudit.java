package io.redstream.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.redstream.core.NotFoundException;
import io.redstream.core.RedStream;
import io.redstream.core.stream.DeadLetterFields;
import io.redstream.core.stream.StreamEntry;
import io.redstream.core.task.Task;
import io.redstream.core.task.TaskBoard;
import io.redstream.core.task.TaskEvent;
import io.redstream.core.task.TaskEventFields;
import io.redstream.core.task.TaskEventType;
import io.redstream.core.task.TaskStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Everything a board holds, read back raw from its three streams and its tasks' hashes, with the invariants the
 * board promises: no task lost, each done at most once, final states final, events matching the history.
 */
public final class BoardAudit {
    private final RedStream rs;
    private final TaskBoard board;
    /** Every task ever created: the entries of the tasks stream. */
    public final List<String> taskIds;
    public final Map<String, Task> tasks = new LinkedHashMap<>();
    /** Events on the events stream, per task, in stream order. */
    public final Map<String, List<StreamEntry>> events = new HashMap<>();
    public final List<StreamEntry> deadLetters;
    public final long pending;

    private BoardAudit(RedStream rs, String boardName) {
        this.rs = rs;
        this.board = rs.tasks(boardName);
        this.taskIds = all(board.tasksStream()).stream().map(StreamEntry::id).toList();
        for (String id : taskIds) {
            tasks.put(id, board.get(id));
        }
        for (StreamEntry e : all(board.eventsStream())) {
            events.computeIfAbsent(e.get(TaskEventFields.TASK_ID), k -> new ArrayList<>()).add(e);
        }
        this.deadLetters = all(board.deadLetterStream());
        long p;
        try {
            p = rs.groups().pending(board.tasksStream(), TaskBoard.GROUP).count();
        } catch (NotFoundException noGroup) {
            p = 0;
        }
        this.pending = p;
    }

    public static BoardAudit of(RedStream rs, String board) {
        return new BoardAudit(rs, board);
    }

    private List<StreamEntry> all(String stream) {
        List<StreamEntry> out = new ArrayList<>();
        String after = "-";
        while (true) {
            List<StreamEntry> page = rs.streams().range(stream, after, "+", 1000);
            if (page.isEmpty()) {
                return out;
            }
            out.addAll(page);
            after = "(" + page.get(page.size() - 1).id();
        }
    }

    /** Tasks with {@code status}. */
    public List<String> withStatus(TaskStatus status) {
        return tasks.values().stream().filter(t -> t.status() == status).map(Task::taskId).toList();
    }

    /** Invariants that hold at any moment, also mid-run and right after a crash. */
    public BoardAudit assertConsistent() {
        for (Task t : tasks.values()) {
            List<TaskEvent> h = t.history();
            assertThat(h.stream().filter(e -> e.type() == TaskEventType.DONE).count())
                    .as("done events in the history of %s", t.taskId()).isLessThanOrEqualTo(1);
            for (int i = 1; i < h.size(); i++) {
                assertThat(h.get(i).seq()).as("history seqs of %s", t.taskId()).isEqualTo(h.get(i - 1).seq() + 1);
                assertThat(h.get(i).attempt()).as("attempts only increase in %s", t.taskId())
                        .isGreaterThanOrEqualTo(h.get(i - 1).attempt());
                TaskEventType previous = h.get(i - 1).type();
                assertThat(previous == TaskEventType.DONE || previous == TaskEventType.DEAD)
                        .as("an event after done/dead in %s: %s", t.taskId(), h).isFalse();
            }
            assertThat(t.attempt()).as("attempt of %s", t.taskId()).isLessThanOrEqualTo(t.maxAttempts());
            Map<Long, TaskEvent> bySeq = h.stream().collect(Collectors.toMap(TaskEvent::seq, e -> e));
            for (StreamEntry e : events.getOrDefault(t.taskId(), List.of())) {
                TaskEvent recorded = bySeq.get(Long.parseLong(e.get(TaskEventFields.SEQ)));
                assertThat(recorded).as("event %s of %s is in its history", e.get(TaskEventFields.SEQ), t.taskId())
                        .isNotNull();
                assertThat(e.get(TaskEventFields.EVENT)).isEqualTo(recorded.type().id());
                assertThat(e.get(TaskEventFields.STATUS)).isEqualTo(recorded.status().id());
                assertThat(e.get(TaskEventFields.ATTEMPT)).isEqualTo(Integer.toString(recorded.attempt()));
                assertThat(e.get(TaskEventFields.AGENT)).isEqualTo(recorded.agent());
            }
        }
        for (StreamEntry d : deadLetters) {
            Task t = tasks.get(d.get(TaskEventFields.TASK_ID));
            assertThat(t).as("dead letter of a task of this board").isNotNull();
            assertThat(t.status()).as("dead-lettered task %s", t.taskId()).isEqualTo(TaskStatus.DEAD);
            assertThat(d.get(DeadLetterFields.ORIGINAL_ID)).isEqualTo(t.taskId());
        }
        return this;
    }

    /**
     * After recovery: every task final (nothing lost or stuck), nothing pending, every transition on the events
     * stream, every dead task dead-lettered; duplicates (left by a crash) only of identical events.
     */
    public BoardAudit assertSettled() {
        assertConsistent();
        for (Task t : tasks.values()) {
            assertThat(t.status().isFinal()).as("task %s is final: %s", t.taskId(), t).isTrue();
            Set<Long> published = new TreeSet<>();
            events.getOrDefault(t.taskId(), List.of()).forEach(e -> published.add(Long.parseLong(e.get(
                    TaskEventFields.SEQ))));
            Set<Long> recorded = t.history().stream().map(TaskEvent::seq).collect(Collectors.toCollection(
                    TreeSet::new));
            assertThat(published).as("seqs of %s on the events stream", t.taskId()).isEqualTo(recorded);
            if (t.status() == TaskStatus.DEAD) {
                assertThat(deadLetters).as("dead letters of %s", t.taskId())
                        .anyMatch(d -> t.taskId().equals(d.get(TaskEventFields.TASK_ID)));
            }
        }
        assertThat(pending).as("pending entries of a settled board").isZero();
        return this;
    }

    /** Events of {@code taskId} on the stream that repeat an earlier one (same seq). */
    public long duplicateEvents(String taskId) {
        List<StreamEntry> list = events.getOrDefault(taskId, List.of());
        return list.size() - list.stream().map(e -> e.get(TaskEventFields.SEQ)).distinct().count();
    }
}
