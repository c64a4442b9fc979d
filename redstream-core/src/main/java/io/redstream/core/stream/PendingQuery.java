package io.redstream.core.stream;

import java.time.Duration;

/**
 * Selects pending entries for {@code XPENDING} detail: a range, a count, and optionally one consumer and a minimum
 * idle time. Immutable.
 */
public record PendingQuery(String start, String end, int count, String consumer, Duration minIdle) {
    /** The first {@code count} pending entries of the group. */
    public static PendingQuery first(int count) {
        return new PendingQuery("-", "+", count, null, null);
    }

    public PendingQuery withConsumer(String consumer) {
        return new PendingQuery(start, end, count, consumer, minIdle);
    }

    public PendingQuery withMinIdle(Duration minIdle) {
        return new PendingQuery(start, end, count, consumer, minIdle);
    }

    public PendingQuery withRange(String start, String end) {
        return new PendingQuery(start, end, count, consumer, minIdle);
    }
}
