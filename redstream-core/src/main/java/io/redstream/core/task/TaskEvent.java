package io.redstream.core.task;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One transition of a task. Immutable.
 *
 * @param seq position in the task's history, from 1; an event on the events stream carries the same
 *     {@code task_id} and {@code seq}, so a reader can drop the rare duplicate a crash leaves behind
 * @param type what happened
 * @param status the task's status right after it
 * @param agent the acting agent (the claimer, the holder, or for {@code expired} the holder whose lease ran out),
 *     or {@code null} for {@code created}
 * @param attempt the attempt the event belongs to (0 before the first claim)
 * @param at when, by the clock of the client that made the transition
 * @param note the note given with it, or {@code null}
 */
public record TaskEvent(long seq, TaskEventType type, TaskStatus status, String agent, int attempt, Instant at,
        String note) {
    /**
     * Checks the required values.
     *
     * @param seq position in the task's history, from 1; an event on the events stream carries the same
     *     {@code task_id} and {@code seq}, so a reader can drop the rare duplicate a crash leaves behind
     * @param type what happened
     * @param status the task's status right after it
     * @param agent the acting agent (the claimer, the holder, or for {@code expired} the holder whose lease ran out),
     *     or {@code null} for {@code created}
     * @param attempt the attempt the event belongs to (0 before the first claim)
     * @param at when, by the clock of the client that made the transition
     * @param note the note given with it, or {@code null}
     */
    public TaskEvent {
        requireNonNull(type, "type");
        requireNonNull(status, "status");
        requireNonNull(at, "at");
    }
}
