package io.redstream.core.consumer;

import java.time.Duration;

/**
 * A running worker bound to one stream, group and consumer name.
 *
 * <p>Lifecycle: started by {@code RedStream.consumer(...)}; runs until {@link #close()}. Thread-safe.
 */
public interface StreamConsumer extends AutoCloseable {

    /** Counters since start. */
    ConsumerStats stats();

    /** Whether the worker is still reading. */
    boolean isRunning();

    /**
     * Stops reading, lets in-flight handlers finish (up to {@link ConsumerSettings#closeTimeout()}), acknowledges
     * what they finished, and returns. Entries not finished stay pending and are redelivered (to this consumer on
     * its next start, or to another by auto-claim). Idempotent.
     */
    @Override
    void close();

    /** Like {@link #close()} with an explicit timeout; returns whether everything in flight finished in time. */
    boolean close(Duration timeout);
}
