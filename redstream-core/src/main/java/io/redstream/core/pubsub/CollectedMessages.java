package io.redstream.core.pubsub;

import java.util.List;

/**
 * Messages gathered by {@link PubSubOperations#collect}.
 *
 * @param timedOut true when the time ran out before {@code maxMessages} arrived
 */
public record CollectedMessages(List<PubSubMessage> messages, boolean timedOut) {
    public CollectedMessages {
        messages = List.copyOf(messages);
    }
}
