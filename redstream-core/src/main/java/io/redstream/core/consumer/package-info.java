/**
 * The managed stream consumer: a worker that reads a consumer group, runs a handler per entry, acknowledges,
 * retries with backoff, dead-letters, takes over entries of dead consumers and rides out Redis outages.
 *
 * <p>Entry point: {@code RedStream.consumer(settings, handler)} with
 * {@link io.redstream.core.consumer.ConsumerSettings} and a {@link io.redstream.core.consumer.MessageHandler}; it
 * returns a running
 * {@link io.redstream.core.consumer.StreamConsumer}.
 */
package io.redstream.core.consumer;
