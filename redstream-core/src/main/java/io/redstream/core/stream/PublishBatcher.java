package io.redstream.core.stream;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Collects messages from many threads and publishes them in pipelined batches (one round trip per batch), bounded
 * by {@link BatcherSettings#maxBatchSize()} and {@link BatcherSettings#linger()}.
 *
 * <p>Validation happens in {@link #publish}: an invalid message throws there and is never queued. A message's
 * future completes with its id once its batch is acknowledged by Redis, or exceptionally with the translated
 * error of that message (other messages of the batch are unaffected).
 *
 * <p>Thread-safe. {@link #close()} stops accepting messages, sends what is queued, waits for it, and is idempotent.
 */
public interface PublishBatcher extends AutoCloseable {

    /**
     * Queues a message. Blocks while {@link BatcherSettings#maxQueued()} messages are waiting, up to
     * {@link BatcherSettings#enqueueTimeout()}, then throws {@link io.redstream.core.LimitExceededException}.
     *
     * @param stream the stream name, checked against the naming policy
     * @param fields field names and values, as for {@link StreamOperations#publish(String, Map)}
     * @return a future completed with the entry id, or exceptionally with the error of this message
     * @throws io.redstream.core.InvalidNameException the stream name breaks the naming rules
     * @throws io.redstream.core.InvalidArgumentException the fields break a rule
     */
    CompletableFuture<String> publish(String stream, Map<String, ?> fields);

    /** Sends everything queued now and waits until it is acknowledged. */
    void flush();

    @Override
    void close();
}
