package io.redstream.core.consumer;

import io.redstream.core.stream.StreamEntry;

/**
 * Processes one entry. Returning normally means "done": the entry is acknowledged. Throwing means "failed": the
 * entry is retried after a backoff until it has been delivered {@code maxDeliveries} times, then dead-lettered
 * with the exception's class and message as the reason.
 *
 * <p>Called concurrently from up to {@code concurrency} threads; an entry may be delivered more than once (see
 * {@code docs/consumer.md}), so make handlers idempotent.
 */
@FunctionalInterface
public interface MessageHandler {
    /**
     * Handles one entry; returning acknowledges it.
     *
     * @param entry the entry with its fields and delivery count
     * @throws Exception when processing failed: the entry is retried or, after {@code maxDeliveries}, dead-lettered
     */
    void handle(StreamEntry entry) throws Exception;
}
