package io.redstream.core.stream;

import java.util.Map;

/**
 * {@code XPENDING} summary of a group.
 *
 * @param count how many entries are pending
 * @param lowestId lowest pending id, or {@code null} when nothing is pending
 * @param highestId highest pending id, or {@code null}
 * @param consumers pending count per consumer
 */
public record PendingSummary(long count, String lowestId, String highestId, Map<String, Long> consumers) {
    /**
     * Copies the per-consumer counts.
     *
     * @param count how many entries are pending
     * @param lowestId lowest pending id, or {@code null} when nothing is pending
     * @param highestId highest pending id, or {@code null}
     * @param consumers pending count per consumer
     */
    public PendingSummary {
        consumers = Map.copyOf(consumers);
    }
}
