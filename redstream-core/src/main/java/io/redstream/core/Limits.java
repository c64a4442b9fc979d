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
    /** Default for {@link #maxFieldsPerMessage()}. */
    public static final int DEFAULT_MAX_FIELDS_PER_MESSAGE = 1000;
    /** Default for {@link #maxMessageBytes()}: 1 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;
    /** Default for {@link #maxCount()}. */
    public static final int DEFAULT_MAX_COUNT = 10_000;
    /** Default for {@link #maxBlock()}: 30 seconds. */
    public static final Duration DEFAULT_MAX_BLOCK = Duration.ofSeconds(30);
    /** Default for {@link #maxBatchSize()}. */
    public static final int DEFAULT_MAX_BATCH_SIZE = 10_000;
    /** Default for {@link #maxValueBytes()}: 1 MiB. */
    public static final int DEFAULT_MAX_VALUE_BYTES = 1024 * 1024;
    /** Default for {@link #maxTransactionOperations()}. */
    public static final int DEFAULT_MAX_TRANSACTION_OPERATIONS = 1000;

    /** Every limit at its default. */
    public static final Limits DEFAULTS = new Limits(DEFAULT_MAX_FIELDS_PER_MESSAGE, DEFAULT_MAX_MESSAGE_BYTES,
            DEFAULT_MAX_COUNT, DEFAULT_MAX_BLOCK, DEFAULT_MAX_BATCH_SIZE, DEFAULT_MAX_VALUE_BYTES,
            DEFAULT_MAX_TRANSACTION_OPERATIONS);

    /**
     * Checks every bound.
     *
     * @throws IllegalArgumentException a count or size is below 1, or {@code maxBlock} is not between 1 ms and
     *     about 12 days ({@code Integer.MAX_VALUE / 2} ms)
     * @throws NullPointerException {@code maxBlock} is {@code null}
     * @param maxFieldsPerMessage fields per published message, default {@value #DEFAULT_MAX_FIELDS_PER_MESSAGE}
     * @param maxMessageBytes encoded size of one message (names + values, UTF-8), default 1 MiB
     * @param maxCount entries or keys per call, default {@value #DEFAULT_MAX_COUNT}
     * @param maxBlock the longest blocking read, default 30 s; the socket timeout of blocking calls is set above it
     * @param maxBatchSize messages per explicit batch, default {@value #DEFAULT_MAX_BATCH_SIZE}
     * @param maxValueBytes encoded size of one state value, default 1 MiB
     * @param maxTransactionOperations operations in one transaction, default
     *     {@value #DEFAULT_MAX_TRANSACTION_OPERATIONS}
     */
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

    /**
     * A builder starting from {@link #DEFAULTS}.
     *
     * @return a new builder
     */
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

        /**
         * Sets {@link Limits#maxFieldsPerMessage()}; checked by {@link #build()}.
         *
         * @param v at least 1
         * @return this builder
         */
        public Builder maxFieldsPerMessage(int v) {
            this.maxFieldsPerMessage = v;
            return this;
        }

        /**
         * Sets {@link Limits#maxMessageBytes()}; checked by {@link #build()}.
         *
         * @param v at least 1
         * @return this builder
         */
        public Builder maxMessageBytes(int v) {
            this.maxMessageBytes = v;
            return this;
        }

        /**
         * Sets {@link Limits#maxCount()}; checked by {@link #build()}.
         *
         * @param v at least 1
         * @return this builder
         */
        public Builder maxCount(int v) {
            this.maxCount = v;
            return this;
        }

        /**
         * Sets {@link Limits#maxBlock()}; checked by {@link #build()}.
         *
         * @param v between 1 ms and {@code Integer.MAX_VALUE / 2} ms
         * @return this builder
         */
        public Builder maxBlock(Duration v) {
            this.maxBlock = v;
            return this;
        }

        /**
         * Sets {@link Limits#maxBatchSize()}; checked by {@link #build()}.
         *
         * @param v at least 1
         * @return this builder
         */
        public Builder maxBatchSize(int v) {
            this.maxBatchSize = v;
            return this;
        }

        /**
         * Sets {@link Limits#maxValueBytes()}; checked by {@link #build()}.
         *
         * @param v at least 1
         * @return this builder
         */
        public Builder maxValueBytes(int v) {
            this.maxValueBytes = v;
            return this;
        }

        /**
         * Sets {@link Limits#maxTransactionOperations()}; checked by {@link #build()}.
         *
         * @param v at least 1
         * @return this builder
         */
        public Builder maxTransactionOperations(int v) {
            this.maxTransactionOperations = v;
            return this;
        }

        /**
         * Creates the limits.
         *
         * @return the limits
         * @throws IllegalArgumentException a value is out of range (see {@link Limits#Limits})
         */
        public Limits build() {
            return new Limits(maxFieldsPerMessage, maxMessageBytes, maxCount, maxBlock, maxBatchSize, maxValueBytes,
                    maxTransactionOperations);
        }
    }
}
