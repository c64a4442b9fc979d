package io.redstream.core.stream;

import java.time.Duration;

/**
 * Selects pending entries for {@code XPENDING} detail: a range, a count, and optionally one consumer and a minimum
 * idle time. Immutable.
 *
 * @param start the lowest id, {@code (id} to exclude it, or {@code -}
 * @param end the highest id, {@code (id} to exclude it, or {@code +}
 * @param count at most this many entries
 * @param consumer only this consumer's entries, or {@code null} for any
 * @param minIdle only entries idle at least this long, or {@code null} for any
 */
public record PendingQuery(String start, String end, int count, String consumer, Duration minIdle) {
    /**
     * The first {@code count} pending entries of the group.
     *
     * @param count at most this many entries; 1 to {@code limits.maxCount}
     * @return a query over the whole id range, any consumer, any idle time
     */
    public static PendingQuery first(int count) {
        return new PendingQuery("-", "+", count, null, null);
    }

    /**
     * This query restricted to one consumer's entries.
     *
     * @param consumer the consumer name, or {@code null} for any consumer
     * @return the new query
     */
    public PendingQuery withConsumer(String consumer) {
        return new PendingQuery(start, end, count, consumer, minIdle);
    }

    /**
     * This query restricted to entries idle at least {@code minIdle}.
     *
     * @param minIdle the least idle time, or {@code null} for any
     * @return the new query
     */
    public PendingQuery withMinIdle(Duration minIdle) {
        return new PendingQuery(start, end, count, consumer, minIdle);
    }

    /**
     * This query restricted to an id range.
     *
     * @param start the lowest id, {@code (id} to exclude it, or {@code -}
     * @param end the highest id, {@code (id} to exclude it, or {@code +}
     * @return the new query
     */
    public PendingQuery withRange(String start, String end) {
        return new PendingQuery(start, end, count, consumer, minIdle);
    }
}
