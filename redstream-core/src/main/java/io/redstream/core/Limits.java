package io.redstream.core;

import java.time.Duration;

/**
 * Bounds every operation checks before it talks to Redis, so one careless call cannot flood a shared server or
 * hang a thread. Immutable; build with {@link #builder()}.
 *
 * @param maxFieldsPerMessage fields per published message, default {@value #DEFAULT_MAX_FIELDS_PER_MESSAGE}
 * @param maxMessageBytes encoded size of one message (names + values, UTF-8), default 1 MiB
 * @param maxCount entries or keys per call, default {@value #DEFAULT_MAX_COUNT}
 * @param maxBlock the longest blocking read, default 30 s; the socket timeout of blocking calls is set above it
 * @param maxBatchSize messages per explicit batch, default {@value #DEFAULT_MAX_BATCH_SIZE}
 * @param maxValueBytes encoded size of one state value, default 1 MiB
 * @param maxTransactionOperations operations in one transaction, default
 *     {@value #DEFAULT_MAX_TRANSACTION_OPERATIONS}
 */
public record Limits(int maxFieldsPerMessage, int maxMessageBytes, int maxCount, Duration maxBlock,
        int maxBatchSize, int maxValueBytes, int maxTransactionOperations) {
    public static final int DEFAULT_MAX_FIELDS_PER_MESSAGE = 1000;
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_COUNT = 10_000;
    public static final Duration DEFAULT_MAX_BLOCK = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_BATCH_SIZE = 10_000;
    public static final int DEFAULT_MAX_VALUE_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_TRANSACTION_OPERATIONS = 1000;

    public static final Limits DEFAULTS = new Limits(DEFAULT_MAX_FIELDS_PER_MESSAGE, DEFAULT_MAX_MESSAGE_BYTES,
            DEFAULT_MAX_COUNT, DEFAULT_MAX_BLOCK, DEFAULT_MAX_BATCH_SIZE, DEFAULT_MAX_VALUE_BYTES,
            DEFAULT_MAX_TRANSACTION_OPERATIONS);

    public Limits {
        positive("maxFieldsPerMessage", maxFieldsPerMessage);
        positive("maxMessageBytes", maxMessageBytes);
        positive("maxCount", maxCount);
        positive("maxBatchSize", maxBatchSize);
        positive("maxValueBytes", maxValueBytes);
        positive("maxTransactionOperations", maxTransactionOperations);
        java.util.Objects.requireNonNull(maxBlock, "maxBlock");
        if (maxBlock.isNegative() || maxBlock.isZero() || maxBlock.toMillis() > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("maxBlock must be between 1 ms and " + (Integer.MAX_VALUE / 2)
                    + " ms, but was " + maxBlock);
        }
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, but was " + value);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder starting from {@link #DEFAULTS}; not thread-safe. */
    public static final class Builder {
        private int maxFieldsPerMessage = DEFAULT_MAX_FIELDS_PER_MESSAGE;
        private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
        private int maxCount = DEFAULT_MAX_COUNT;
        private Duration maxBlock = DEFAULT_MAX_BLOCK;
        private int maxBatchSize = DEFAULT_MAX_BATCH_SIZE;
        private int maxValueBytes = DEFAULT_MAX_VALUE_BYTES;
        private int maxTransactionOperations = DEFAULT_MAX_TRANSACTION_OPERATIONS;

        private Builder() {
        }

        public Builder maxFieldsPerMessage(int v) {
            this.maxFieldsPerMessage = v;
            return this;
        }

        public Builder maxMessageBytes(int v) {
            this.maxMessageBytes = v;
            return this;
        }

        public Builder maxCount(int v) {
            this.maxCount = v;
            return this;
        }

        public Builder maxBlock(Duration v) {
            this.maxBlock = v;
            return this;
        }

        public Builder maxBatchSize(int v) {
            this.maxBatchSize = v;
            return this;
        }

        public Builder maxValueBytes(int v) {
            this.maxValueBytes = v;
            return this;
        }

        public Builder maxTransactionOperations(int v) {
            this.maxTransactionOperations = v;
            return this;
        }

        public Limits build() {
            return new Limits(maxFieldsPerMessage, maxMessageBytes, maxCount, maxBlock, maxBatchSize, maxValueBytes,
                    maxTransactionOperations);
        }
    }
}
