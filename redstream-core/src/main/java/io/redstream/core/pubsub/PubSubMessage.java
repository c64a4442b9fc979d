package io.redstream.core.pubsub;

/**
 * A message received on a subscription.
 *
 * @param channel the channel it was published on
 * @param pattern the pattern that matched, or {@code null} for a channel subscription
 * @param message the message text
 */
public record PubSubMessage(String channel, String pattern, String message) {
    @Override
    public String toString() {
        return "PubSubMessage[" + channel + (pattern == null ? "" : " via " + pattern) + ", " + message.length()
                + " chars]";
    }
}
