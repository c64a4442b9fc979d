package io.redstream.core.internal.consumer;

import io.redstream.core.RedStreamException;
import io.redstream.core.consumer.ConsumerSettings;
import io.redstream.core.stream.ConsumerGroupOperations;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledges handled entries in batches: one {@code XACK} per {@code ackBatchSize} ids, or whatever is buffered
 * when the scheduler's ack interval fires. An id leaves {@link Ownership} only once Redis confirmed its ack; a
 * failed ack puts the ids back for the next flush. Thread-safe; one flush runs at a time.
 */
final class AckBatcher {
    private static final Logger LOG = LoggerFactory.getLogger(AckBatcher.class);

    private final ConsumerGroupOperations groups;
    private final ConsumerSettings s;
    private final Ownership ownership;
    private final ConsumerCounters counters;
    private final int idsPerCall;
    private final AckBuffer buffer = new AckBuffer();
    private final Object flushLock = new Object();

    AckBatcher(ConsumerGroupOperations groups, ConsumerSettings settings, Ownership ownership,
            ConsumerCounters counters, int idsPerCall) {
        this.groups = groups;
        this.s = settings;
        this.ownership = ownership;
        this.counters = counters;
        this.idsPerCall = idsPerCall;
    }

    /** Records a handled entry; flushes when a full batch is waiting. */
    void handled(String id) {
        ownership.awaitingAck(id);
        if (buffer.add(id) >= s.ackBatchSize()) {
            flush();
        }
    }

    /** Flushes if a full batch is waiting (after a handler task, so a partial batch waits for the interval). */
    void flushIfFull() {
        if (buffer.size() >= s.ackBatchSize()) {
            flush();
        }
    }

    /** Acknowledges everything buffered, {@code idsPerCall} ids per call; stops at the first failure. */
    void flush() {
        synchronized (flushLock) {
            while (buffer.size() > 0) {
                List<String> ids = buffer.take(idsPerCall);
                if (ids.isEmpty()) {
                    return;
                }
                try {
                    groups.ack(s.stream(), s.group(), ids);
                    counters.acknowledged.add(ids.size());
                    ids.forEach(ownership::release);
                } catch (RedStreamException e) {
                    buffer.putBack(ids);
                    LOG.warn("consumer {}/{}: ack of {} entries failed, will retry: {}", s.group(), s.consumer(),
                            ids.size(), e.getMessage());
                    return;
                }
            }
        }
    }

    int buffered() {
        return buffer.size();
    }
}
