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
    /**
     * The channels this subscription listens to.
     *
     * @return the channel names as given, possibly empty
     */
    Set<String> channels();

    /**
     * The channel patterns this subscription listens to.
     *
     * @return the patterns as given, possibly empty
     */
    Set<String> patterns();

    /**
     * Waits until Redis confirmed every channel and pattern; returns whether it did within {@code timeout}.
     *
     * @param timeout the longest wait
     * @return {@code true} when every channel and pattern is confirmed
     */
    boolean awaitSubscribed(Duration timeout);

    /**
     * Whether the subscription is currently confirmed by Redis.
     *
     * @return {@code true} while Redis has confirmed every channel and pattern and the connection is up
     */
    boolean isSubscribed();

    @Override
    void close();
}
