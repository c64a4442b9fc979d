package io.redstream.core.internal.consumer;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter, so many workers losing Redis at once do not reconnect in lockstep. */
final class Backoff {
    private final long initialMs;
    private final long maxMs;
    private long nextMs;

    Backoff(Duration initial, Duration max) {
        this.initialMs = Math.max(1, initial.toMillis());
        this.maxMs = Math.max(initialMs, max.toMillis());
        this.nextMs = initialMs;
    }

    /** The pause before the next attempt; doubles each call up to the maximum. */
    long nextMillis() {
        long base = nextMs;
        nextMs = Math.min(maxMs, nextMs * 2);
        return base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    }

    void reset() {
        nextMs = initialMs;
    }

    /** Delay before retry number {@code attempt} (1-based) of a failed entry. */
    static long retryDelayMillis(Duration base, Duration max, long attempt) {
        long b = base.toMillis();
        long shift = Math.min(30, Math.max(0, attempt - 1));
        return Math.min(max.toMillis(), b << shift);
    }
}
