package io.redstream.core.internal.task;

/**
 * The points between two single-key steps of a board operation, where a process can die and leave work for the
 * next claim or sweep. {@code docs/coordination.md} says what each leaves behind and what repairs it.
 */
public enum TaskStep {
    /** create: the entry is on the tasks stream; its hash does not exist yet. */
    CREATE_APPENDED,
    /** create or claim: the hash exists with its {@code created} event in the outbox. */
    RECORD_CREATED,
    /** claim: a new entry was delivered to the claimer (it is pending under its name); the hash is unchanged. */
    CLAIM_DELIVERED,
    /** claim: the hash says the claimer holds the task; the pending entry may still name the previous holder. */
    CLAIM_RECORDED,
    /** progress, complete, fail: the hash records the update; its events are in the outbox. */
    UPDATE_RECORDED,
    /** a dead task's dead-letter entry is written; the hash does not say so yet. */
    DEAD_LETTERED,
    /** events are on the events stream; the outbox still lists them. */
    EVENTS_PUBLISHED,
    /** a final task's steps are done except acknowledging its pending entry. */
    BEFORE_ACK;
}
