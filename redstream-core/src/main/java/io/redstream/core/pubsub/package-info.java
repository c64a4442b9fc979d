/**
 * Publish/subscribe on channels and channel patterns, with subscriptions that resubscribe after a broken
 * connection, and a bounded {@code collect} helper.
 *
 * <p>Entry point: {@link io.redstream.core.pubsub.PubSubOperations}, from {@code RedStream.pubsub()}; subscribing
 * gives a {@link io.redstream.core.pubsub.Subscription} that calls a
 * {@link io.redstream.core.pubsub.MessageListener}.
 */
package io.redstream.core.pubsub;
