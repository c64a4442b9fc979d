/**
 * The managed consumer runtime behind {@code RedStream.consumer(...)}; not an API.
 *
 * <p>{@link io.redstream.core.internal.consumer.DefaultStreamConsumer} wires a reader, a dispatcher of handler
 * threads, batched acknowledgements, retries with backoff, dead-lettering, auto-claim and keep-alive of held
 * entries.
 */
package io.redstream.core.internal.consumer;
