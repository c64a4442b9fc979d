package io.redstream.core.internal.consumer;

import io.redstream.core.consumer.ConsumerSettings;
import io.redstream.core.consumer.MessageHandler;
import io.redstream.core.stream.StreamEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs the handler. Entries arrive with their permits held; each is either settled at once (trimmed away, or
 * delivered too often) or marked in flight and handed to the handler threads, at most {@code concurrency} tasks
 * per batch, each handling its share in order: one hand-off per batch rather than per entry keeps the runtime close
 * to a hand-written loop. After the handler: ack (through {@link AckBatcher}) or {@link FailurePolicy}.
 *
 * <p>{@link #handle} is the single place one entry's handling happens, so a per-entry hook (an observation, a
 * trace context) wraps exactly one call. Thread-safe.
 */
final class Dispatcher {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Dispatcher.class);

    private final ConsumerSettings s;
    private final MessageHandler handler;
    private final Executor workers;
    private final Ownership ownership;
    private final InFlightLimit limit;
    private final AckBatcher acks;
    private final FailurePolicy failures;
    private final ConsumerCounters counters;

    Dispatcher(ConsumerSettings settings, MessageHandler handler, Executor workers, Ownership ownership,
            InFlightLimit limit, AckBatcher acks, FailurePolicy failures, ConsumerCounters counters) {
        this.s = settings;
        this.handler = handler;
        this.workers = workers;
        this.ownership = ownership;
        this.limit = limit;
        this.acks = acks;
        this.failures = failures;
        this.counters = counters;
    }

    /** One entry whose permit is held. */
    void dispatch(StreamEntry entry, long deliveries) {
        dispatchAll(List.of(entry), new long[] {deliveries});
    }

    /** Entries whose permits are held; {@code deliveries[i]} is the delivery count of {@code entries.get(i)}. */
    void dispatchAll(List<StreamEntry> entries, long[] deliveries) {
        List<StreamEntry> work = new ArrayList<>(entries.size());
        long[] counts = new long[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            StreamEntry entry = entries.get(i);
            long n = deliveries[i];
            String reason = failures.settleWithoutHandling(entry, n);
            if (reason != null) {
                if (entry.isDeleted()) {
                    counters.deleted.increment();
                }
                failures.deadLetter(entry, reason, n);
                limit.release();
            } else {
                ownership.inFlight(entry, n);
                counts[work.size()] = n;
                work.add(entry);
            }
        }
        if (work.isEmpty()) {
            return;
        }
        int chunks = Math.min(s.concurrency(), work.size());
        int size = (work.size() + chunks - 1) / chunks;
        for (int from = 0; from < work.size(); from += size) {
            int start = from;
            int end = Math.min(work.size(), from + size);
            try {
                workers.execute(() -> handleAll(work, counts, start, end));
            } catch (RejectedExecutionException closing) {
                // Closing: leave the entries pending in Redis; they are redelivered later.
                for (int i = start; i < end; i++) {
                    ownership.release(work.get(i).id());
                    limit.release();
                }
            }
        }
    }

    private void handleAll(List<StreamEntry> entries, long[] deliveries, int from, int to) {
        int next = from;
        try {
            for (; next < to; next++) {
                handle(entries.get(next), deliveries[next]);
            }
            acks.flushIfFull();
        } finally {
            // Only if an Error escaped: entries not reached stay pending in Redis, and must not stay held here
            // (keep-alive would then hide them from every claim forever).
            for (int i = next; i < to; i++) {
                ownership.release(entries.get(i).id());
            }
            // Once per share rather than per entry: one wake-up of a reader waiting for room, not one per entry.
            limit.release(to - from);
        }
    }

    private void handle(StreamEntry entry, long deliveries) {
        try {
            handler.handle(entry);
            counters.processed.increment();
            acks.handled(entry.id());
        } catch (Throwable t) {
            try {
                failures.handlerFailed(entry, deliveries, t);
            } catch (RuntimeException unexpected) {
                // Never lose the rest of the share: the entry stays pending in Redis and comes back by claim.
                ownership.release(entry.id());
                LOG.warn("consumer {}/{}: could not settle failed entry {}: {}", s.group(), s.consumer(), entry.id(),
                        unexpected.toString());
            }
        }
    }
}
