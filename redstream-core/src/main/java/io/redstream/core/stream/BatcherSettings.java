package io.redstream.core.stream;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Bounds of a {@link PublishBatcher}.
 *
 * @param maxBatchSize messages per round trip, default {@value #DEFAULT_MAX_BATCH_SIZE}
 * @param linger how long the first message of a batch that starts on an idle batcher may wait for company, default
 *     2 ms; messages that queued up while the previous batch was being sent go out at once
 * @param maxQueued messages waiting before {@code publish} blocks, default {@value #DEFAULT_MAX_QUEUED}
 * @param enqueueTimeout how long {@code publish} blocks on a full queue before failing, default 5 s
 * @param options trimming / creation options applied to every message (ids are always server-generated)
 */
public record BatcherSettings(int maxBatchSize, Duration linger, int maxQueued, Duration enqueueTimeout,
        PublishOptions options) {
    public static final int DEFAULT_MAX_BATCH_SIZE = 256;
    public static final Duration DEFAULT_LINGER = Duration.ofMillis(2);
    public static final int DEFAULT_MAX_QUEUED = 10_000;
    public static final Duration DEFAULT_ENQUEUE_TIMEOUT = Duration.ofSeconds(5);

    public static final BatcherSettings DEFAULTS = new BatcherSettings(DEFAULT_MAX_BATCH_SIZE, DEFAULT_LINGER,
            DEFAULT_MAX_QUEUED, DEFAULT_ENQUEUE_TIMEOUT, PublishOptions.DEFAULT);

    public BatcherSettings {
        if (maxBatchSize < 1 || maxBatchSize > 10_000) {
            throw new IllegalArgumentException("maxBatchSize must be between 1 and 10000, but was " + maxBatchSize);
        }
        requireNonNull(linger, "linger");
        if (linger.isNegative() || linger.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("linger must be between 0 and 10 s, but was " + linger);
        }
        if (maxQueued < maxBatchSize) {
            throw new IllegalArgumentException("maxQueued must be at least maxBatchSize (" + maxBatchSize
                    + "), but was " + maxQueued);
        }
        requireNonNull(enqueueTimeout, "enqueueTimeout");
        if (enqueueTimeout.isNegative()) {
            throw new IllegalArgumentException("enqueueTimeout must not be negative, but was " + enqueueTimeout);
        }
        requireNonNull(options, "options");
        if (options.id() != null) {
            throw new IllegalArgumentException("options.id must be unset: a batcher publishes many messages");
        }
    }

    public BatcherSettings withMaxBatchSize(int n) {
        return new BatcherSettings(n, linger, Math.max(maxQueued, n), enqueueTimeout, options);
    }

    public BatcherSettings withLinger(Duration d) {
        return new BatcherSettings(maxBatchSize, d, maxQueued, enqueueTimeout, options);
    }

    public BatcherSettings withOptions(PublishOptions o) {
        return new BatcherSettings(maxBatchSize, linger, maxQueued, enqueueTimeout, o);
    }

    public BatcherSettings withMaxQueued(int n) {
        return new BatcherSettings(maxBatchSize, linger, n, enqueueTimeout, options);
    }
}
