package io.redstream.core.internal.consumer;

import io.redstream.core.RedStreamException;
import io.redstream.core.consumer.ConsumerSettings;
import io.redstream.core.stream.ConsumerGroupOperations;
import io.redstream.core.stream.StreamEntry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Fires due retries, on the scheduler. Each retried entry is claimed again by this consumer with min-idle 0 (that
 * counts a delivery in Redis and fetches the entry fresh) and handed to the {@link Dispatcher}; it stays held in
 * {@link Ownership} throughout, so a concurrent drain never takes it for an orphan.
 */
final class Retrier {
    private final ConsumerGroupOperations groups;
    private final ConsumerSettings s;
    private final Ownership ownership;
    private final InFlightLimit limit;
    private final Dispatcher dispatcher;
    private final FailurePolicy failures;
    private final ConsumerCounters counters;
    private final BooleanSupplier running;

    Retrier(ConsumerGroupOperations groups, ConsumerSettings settings, Ownership ownership, InFlightLimit limit,
            Dispatcher dispatcher, FailurePolicy failures, ConsumerCounters counters, BooleanSupplier running) {
        this.groups = groups;
        this.s = settings;
        this.ownership = ownership;
        this.limit = limit;
        this.dispatcher = dispatcher;
        this.failures = failures;
        this.counters = counters;
        this.running = running;
    }

    /** How often the scheduler looks for due retries. */
    Duration tick() {
        return Duration.ofMillis(Math.max(10, Math.min(50, s.retryDelay().toMillis())));
    }

    void runDue() {
        long now = System.nanoTime();
        for (Ownership.Held r : ownership.dueRetries(now)) {
            if (!running.getAsBoolean()) {
                return;
            }
            if (!ownership.isCurrent(r)) {
                continue; // moved on since the snapshot
            }
            if (limit.tryAcquire(1) == 0) {
                return;
            }
            List<StreamEntry> got;
            try {
                got = groups.claim(s.stream(), s.group(), s.consumer(), Duration.ZERO, List.of(r.id()));
            } catch (RedStreamException e) {
                long later = now + TimeUnit.MILLISECONDS.toNanos(Math.max(100, s.retryDelay().toMillis()));
                ownership.retryAt(r.entry(), r.deliveries(), later);
                limit.release();
                return;
            }
            if (got.isEmpty()) {
                counters.deleted.increment();
                failures.deadLetter(r.entry(), "entry was deleted or trimmed from the stream while waiting for a retry",
                        r.deliveries());
                limit.release();
                continue;
            }
            dispatcher.dispatch(got.get(0), r.deliveries() + 1);
        }
    }
}
