package io.redstream.core.pubsub;

import java.time.Duration;
import java.util.Collection;

/**
 * Publish/subscribe on channels named like keys ({@code nova:broadcast:alerts:all}). Pattern subscriptions take
 * {@link io.redstream.core.naming.NamePattern}s and are allowed only when every channel they can match is allowed.
 *
 * <pre>{@code
 * try (Subscription sub = rs.pubsub().subscribe(List.of("nova:broadcast:alerts:all"), List.of(),
 *         message -> log.info("{}: {}", message.channel(), message.message()))) {
 *     sub.awaitSubscribed(Duration.ofSeconds(2));
 *     rs.pubsub().publish("nova:broadcast:alerts:all", "deploy finished");
 * }
 *
 * // or, bounded: what arrives within two seconds, at most ten messages
 * CollectedMessages seen = rs.pubsub().collect(List.of("nova:broadcast:alerts:all"), List.of(),
 *         Duration.ofSeconds(2), 10);
 * }</pre>
 *
 * <p>Thread-safe; obtained from {@code RedStream.pubsub()}.
 */
public interface PubSubOperations {

    /**
     * Publishes; returns how many subscribers received it (on a cluster: on the node it was published to).
     *
     * @param channel the channel name, checked against the naming policy
     * @param message the message text
     * @return the number of subscribers that received it
     */
    long publish(String channel, String message);

    /**
     * Subscribes to channels and/or patterns on a dedicated connection; {@code listener} runs on the
     * subscription's thread. At least one channel or pattern is required.
     *
     * @param channels channel names to subscribe to; may be empty when {@code patterns} is not
     * @param patterns channel patterns to subscribe to; may be empty when {@code channels} is not
     * @param listener called for each message, on the subscription's thread
     * @return the running subscription; close it to unsubscribe
     */
    Subscription subscribe(Collection<String> channels, Collection<String> patterns, MessageListener listener);

    /**
     * Subscribes, gathers messages until {@code maxMessages} arrived or {@code timeout} passed, and unsubscribes.
     * The timeout counts from the moment Redis confirmed the subscription (the handshake itself is bounded by
     * the connect and socket timeouts); only messages published after that moment are seen.
     *
     * @param channels channel names to subscribe to; may be empty when {@code patterns} is not
     * @param patterns channel patterns to subscribe to; may be empty when {@code channels} is not
     * @param timeout how long to gather, zero to {@code limits.maxBlock}
     * @param maxMessages stop after this many messages; 1 to {@code limits.maxCount}
     * @return the messages in arrival order, and whether the time ran out first
     */
    CollectedMessages collect(Collection<String> channels, Collection<String> patterns, Duration timeout,
            int maxMessages);
}
