package io.redstream.core.consumer;

import java.time.Duration;

/**
 * A running worker bound to one stream, group and consumer name.
 *
 * <pre>{@code
 * ConsumerSettings settings = ConsumerSettings.builder("nova:task:boomerang:tasks", "router", "router-1")
 *         .concurrency(4)
 *         .maxDeliveries(5)                     // then the entry goes to nova:task:boomerang:tasks:dlq
 *         .build();
 * StreamConsumer worker = rs.consumer(settings, entry -> route(entry.values()));   // throwing retries
 * // ... at shutdown
 * worker.close();
 * }</pre>
 *
 * <p>Lifecycle: started by {@code RedStream.consumer(...)}; runs until {@link #close()}. Thread-safe.
 */
public interface StreamConsumer extends AutoCloseable {

    /**
     * Counters since start.
     *
     * @return a snapshot of the worker's counters
     */
    ConsumerStats stats();

    /**
     * Whether the worker is still reading.
     *
     * @return {@code true} until the worker is closed or stops for good
     */
    boolean isRunning();

    /**
     * Stops reading, lets in-flight handlers finish (up to {@link ConsumerSettings#closeTimeout()}), acknowledges
     * what they finished, and returns. Entries not finished stay pending and are redelivered (to this consumer on
     * its next start, or to another by auto-claim). Idempotent.
     */
    @Override
    void close();

    /**
     * Like {@link #close()} with an explicit timeout; returns whether everything in flight finished in time.
     *
     * @param timeout how long to wait for in-flight handlers
     * @return {@code true} when every handler finished within {@code timeout}
     */
    boolean close(Duration timeout);
}
