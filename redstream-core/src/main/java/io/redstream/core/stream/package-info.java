/**
 * Redis Streams: publishing (single, explicit batches, an automatic batcher), reading, trimming, and the consumer
 * group primitives (create, read, acknowledge, claim, pending, dead-letter).
 *
 * <p>Entry points: {@link io.redstream.core.stream.StreamOperations} from {@code RedStream.streams()} and
 * {@link io.redstream.core.stream.ConsumerGroupOperations} from {@code RedStream.groups()}. Entries come back as
 * {@link io.redstream.core.stream.StreamEntry}; {@link io.redstream.core.stream.MessageFields} names the meta fields
 * RedStream adds to every message.
 */
package io.redstream.core.stream;
