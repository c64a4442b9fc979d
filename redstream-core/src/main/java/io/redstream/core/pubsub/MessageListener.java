package io.redstream.core.pubsub;

/**
 * Receives pub/sub messages, on the subscription's own thread, one at a time. Keep it short; hand heavy work to
 * an executor. An exception thrown here is logged and the subscription carries on.
 */
@FunctionalInterface
public interface MessageListener {
    /**
     * Handles one message.
     *
     * @param message the message, its channel and the pattern that matched
     */
    void onMessage(PubSubMessage message);
}
