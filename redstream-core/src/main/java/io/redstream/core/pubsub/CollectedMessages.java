package io.redstream.core.pubsub;

import java.util.List;

/**
 * Messages gathered by {@link PubSubOperations#collect}.
 *
 * @param messages the messages in arrival order
 * @param timedOut true when the time ran out before {@code maxMessages} arrived
 */
public record CollectedMessages(List<PubSubMessage> messages, boolean timedOut) {
    /**
     * Copies the messages.
     *
     * @param messages the messages in arrival order
     * @param timedOut true when the time ran out before {@code maxMessages} arrived
     */
    public CollectedMessages {
        messages = List.copyOf(messages);
    }
}
