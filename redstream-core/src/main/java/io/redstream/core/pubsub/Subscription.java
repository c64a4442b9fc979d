package io.redstream.core.pubsub;

import java.time.Duration;
import java.util.Set;

/**
 * A live subscription on a dedicated connection. It resubscribes by itself after the connection breaks (messages
 * published while it is disconnected are not delivered: pub/sub keeps nothing).
 *
 * <p>Thread-safe. {@link #close()} unsubscribes, closes the connection and is idempotent.
 */
public interface Subscription extends AutoCloseable {
    Set<String> channels();

    Set<String> patterns();

    /** Waits until Redis confirmed every channel and pattern; returns whether it did within {@code timeout}. */
    boolean awaitSubscribed(Duration timeout);

    /** Whether the subscription is currently confirmed by Redis. */
    boolean isSubscribed();

    @Override
    void close();
}
