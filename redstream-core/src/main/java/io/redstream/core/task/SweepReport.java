package io.redstream.core.task;

/**
 * What {@link TaskBoard#sweep()} did.
 *
 * @param scanned unfinished tasks looked at (the board's pending entries)
 * @param expired leases that had run out and were recorded as expired (the task is open again, or dead)
 * @param dead tasks that died in this sweep (a lease ran out on their last attempt)
 * @param repaired tasks whose interrupted steps were finished (missing record, unpublished events, dead-letter
 *     entry, acknowledgement)
 */
public record SweepReport(int scanned, int expired, int dead, int repaired) {
}
