package io.redstream.core.internal.consumer;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Backpressure: at most {@code maxInFlight} entries are taken from Redis and not yet settled. Whoever brings
 * entries in (reader, retrier, claimer) takes permits first; each entry's permit is returned once its handler
 * finished or it was settled without one. Thread-safe.
 */
final class InFlightLimit {
    private final Semaphore permits;

    InFlightLimit(int maxInFlight) {
        this.permits = new Semaphore(maxInFlight);
    }

    /** Waits up to {@code wait} for at least one permit, then takes up to {@code max}; 0 when none came. */
    int acquire(int max, Duration wait) {
        try {
            if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        return 1 + tryAcquire(max - 1);
    }

    /** Takes up to {@code max} permits without waiting. */
    int tryAcquire(int max) {
        int got = 0;
        while (got < max && permits.tryAcquire()) {
            got++;
        }
        return got;
    }

    void release(int n) {
        if (n > 0) {
            permits.release(n);
        }
    }

    void release() {
        permits.release();
    }
}
