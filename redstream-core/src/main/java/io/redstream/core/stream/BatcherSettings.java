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
    /** Default {@link #maxBatchSize()}. */
    public static final int DEFAULT_MAX_BATCH_SIZE = 256;
    /** Default {@link #linger()}: 2 ms. */
    public static final Duration DEFAULT_LINGER = Duration.ofMillis(2);
    /** Default {@link #maxQueued()}. */
    public static final int DEFAULT_MAX_QUEUED = 10_000;
    /** Default {@link #enqueueTimeout()}: 5 seconds. */
    public static final Duration DEFAULT_ENQUEUE_TIMEOUT = Duration.ofSeconds(5);

    /** Every bound at its default, with {@link PublishOptions#DEFAULT}. */
    public static final BatcherSettings DEFAULTS = new BatcherSettings(DEFAULT_MAX_BATCH_SIZE, DEFAULT_LINGER,
            DEFAULT_MAX_QUEUED, DEFAULT_ENQUEUE_TIMEOUT, PublishOptions.DEFAULT);

    /**
     * Checks every bound.
     *
     * @throws IllegalArgumentException {@code maxBatchSize} is not 1 to 10000, {@code linger} not 0 to 10 s,
     *     {@code maxQueued} is below {@code maxBatchSize}, {@code enqueueTimeout} is negative, or {@code options} has
     *     an id
     * @throws NullPointerException {@code linger}, {@code enqueueTimeout} or {@code options} is {@code null}
     * @param maxBatchSize messages per round trip, default {@value #DEFAULT_MAX_BATCH_SIZE}
     * @param linger how long the first message of a batch that starts on an idle batcher may wait for company, default
     *     2 ms; messages that queued up while the previous batch was being sent go out at once
     * @param maxQueued messages waiting before {@code publish} blocks, default {@value #DEFAULT_MAX_QUEUED}
     * @param enqueueTimeout how long {@code publish} blocks on a full queue before failing, default 5 s
     * @param options trimming / creation options applied to every message (ids are always server-generated)
     */
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

    /**
     * These settings with another batch size; {@code maxQueued} grows to it when smaller.
     *
     * @param n messages per round trip, 1 to 10000
     * @return the new settings
     */
    public BatcherSettings withMaxBatchSize(int n) {
        return new BatcherSettings(n, linger, Math.max(maxQueued, n), enqueueTimeout, options);
    }

    /**
     * These settings with another linger time.
     *
     * @param d 0 to 10 s
     * @return the new settings
     */
    public BatcherSettings withLinger(Duration d) {
        return new BatcherSettings(maxBatchSize, d, maxQueued, enqueueTimeout, options);
    }

    /**
     * These settings with other publish options.
     *
     * @param o trimming and creation options; without an id
     * @return the new settings
     */
    public BatcherSettings withOptions(PublishOptions o) {
        return new BatcherSettings(maxBatchSize, linger, maxQueued, enqueueTimeout, o);
    }

    /**
     * These settings with another queue bound.
     *
     * @param n at least {@code maxBatchSize}
     * @return the new settings
     */
    public BatcherSettings withMaxQueued(int n) {
        return new BatcherSettings(maxBatchSize, linger, n, enqueueTimeout, options);
    }
}
