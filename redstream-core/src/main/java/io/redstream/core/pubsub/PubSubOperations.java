package io.redstream.core.pubsub;

import java.time.Duration;
import java.util.Collection;

/**
 * Publish/subscribe on channels named like keys ({@code nova:broadcast:alerts:all}). Pattern subscriptions take
 * {@link io.redstream.core.naming.NamePattern}s and are allowed only when every channel they can match is allowed.
 *
 * <p>Thread-safe; obtained from {@code RedStream.pubsub()}.
 */
public interface PubSubOperations {

    /** Publishes; returns how many subscribers received it (on a cluster: on the node it was published to). */
    long publish(String channel, String message);

    /**
     * Subscribes to channels and/or patterns on a dedicated connection; {@code listener} runs on the
     * subscription's thread. At least one channel or pattern is required.
     */
    Subscription subscribe(Collection<String> channels, Collection<String> patterns, MessageListener listener);

    /**
     * Subscribes, gathers messages until {@code maxMessages} arrived or {@code timeout} passed, and unsubscribes.
     * The timeout counts from the moment Redis confirmed the subscription (the handshake itself is bounded by
     * the connect and socket timeouts); only messages published after that moment are seen.
     */
    CollectedMessages collect(Collection<String> channels, Collection<String> patterns, Duration timeout,
            int maxMessages);
}
