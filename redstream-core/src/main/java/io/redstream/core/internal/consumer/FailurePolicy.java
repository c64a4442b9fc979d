package io.redstream.core.internal.consumer;

import io.redstream.core.RedStreamException;
import io.redstream.core.consumer.ConsumerSettings;
import io.redstream.core.stream.ConsumerGroupOperations;
import io.redstream.core.stream.StreamEntry;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to an entry that cannot simply be acknowledged: a failed handler is retried with exponential
 * backoff until {@code maxDeliveries}, then the entry goes to the dead-letter stream (written and acked in one
 * {@code MULTI} by {@link ConsumerGroupOperations#deadLetter}); entries trimmed away while pending, or delivered
 * too often by crashed consumers, go there at once. Thread-safe.
 */
final class FailurePolicy {
    private static final Logger LOG = LoggerFactory.getLogger(FailurePolicy.class);

    private final ConsumerGroupOperations groups;
    private final ConsumerSettings s;
    private final Ownership ownership;
    private final ConsumerCounters counters;

    FailurePolicy(ConsumerGroupOperations groups, ConsumerSettings settings, Ownership ownership,
            ConsumerCounters counters) {
        this.groups = groups;
        this.s = settings;
        this.ownership = ownership;
        this.counters = counters;
    }

    /** The reason to settle an entry without running its handler, or null when it should be handled. */
    String settleWithoutHandling(StreamEntry entry, long deliveries) {
        if (entry.isDeleted()) {
            return "entry was deleted or trimmed from the stream while pending";
        }
        if (deliveries > s.maxDeliveries()) {
            return "delivered " + deliveries + " times without being acknowledged (maxDeliveries "
                    + s.maxDeliveries() + "); a consumer holding it probably crashed";
        }
        return null;
    }

    /** The handler threw on delivery {@code deliveries}: schedule a retry, or dead-letter after the last one. */
    void handlerFailed(StreamEntry entry, long deliveries, Throwable t) {
        counters.failed.increment();
        if (deliveries >= s.maxDeliveries()) {
            deadLetter(entry, reason(t), deliveries);
        } else {
            counters.retried.increment();
            long delay = Backoff.retryDelayMillis(s.retryDelay(), s.maxRetryDelay(), deliveries);
            ownership.retryAt(entry, deliveries, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay));
        }
        LOG.debug("consumer {}/{}: handler failed on {} (delivery {}): {}", s.group(), s.consumer(), entry.id(),
                deliveries, t.getClass().getName());
    }

    /**
     * Writes the entry to the dead-letter stream and acks it; either way this worker stops holding it. If Redis
     * refuses, the entry stays pending there: the drain after a reconnect, or auto-claim once idle, brings it back,
     * and its delivery count sends it straight here again.
     */
    void deadLetter(StreamEntry entry, String reason, long deliveries) {
        try {
            groups.deadLetter(s.stream(), s.group(), s.consumer(), entry, reason, deliveries);
            counters.deadLettered.increment();
            LOG.warn("consumer {}/{}: dead-lettered {} after {} deliveries", s.group(), s.consumer(), entry.id(),
                    deliveries);
        } catch (RedStreamException e) {
            LOG.warn("consumer {}/{}: could not dead-letter {} yet: {}", s.group(), s.consumer(), entry.id(),
                    e.getMessage());
        } finally {
            ownership.release(entry.id());
        }
    }

    private static String reason(Throwable t) {
        String msg = t.getMessage();
        return t.getClass().getName() + (msg == null ? "" : ": " + msg);
    }
}
