package io.redstream.core.consumer;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Configuration of a {@link StreamConsumer}. Immutable; build with {@link #builder(String, String, String)}.
 *
 * <p>Defaults (see the {@code DEFAULT_*} constants): concurrency 1, at most 64 entries in flight, reads of up to
 * 32 entries blocking 1 s, 5 deliveries before dead-lettering, retries after 200 ms doubling up to 10 s,
 * auto-claim every 30 s of entries idle over 60 s, keep-alive of own entries every 20 s, acks batched by 64 or
 * every 20 ms, group created from {@code 0}, close waits up to 30 s.
 */
public final class ConsumerSettings {
    /** Default {@link #concurrency()}: one handler thread. */
    public static final int DEFAULT_CONCURRENCY = 1;
    /** Default {@link #maxInFlight()}: entries held at once. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 64;
    /** Default {@link #batchSize()}: entries per read. */
    public static final int DEFAULT_BATCH_SIZE = 32;
    /** Default {@link #block()}: one second per read. */
    public static final Duration DEFAULT_BLOCK = Duration.ofSeconds(1);
    /** Default {@link #maxDeliveries()} before an entry is dead-lettered. */
    public static final int DEFAULT_MAX_DELIVERIES = 5;
    /** Default {@link #retryDelay()}: the first retry waits 200 ms. */
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofMillis(200);
    /** Default {@link #maxRetryDelay()}: retries wait at most 10 s. */
    public static final Duration DEFAULT_MAX_RETRY_DELAY = Duration.ofSeconds(10);
    /** Default {@link #claimInterval()}: auto-claim every 30 s. */
    public static final Duration DEFAULT_CLAIM_INTERVAL = Duration.ofSeconds(30);
    /** Default {@link #claimMinIdle()}: entries idle over 60 s may be taken over. */
    public static final Duration DEFAULT_CLAIM_MIN_IDLE = Duration.ofSeconds(60);
    /** Default {@link #keepAliveInterval()}: own entries are touched every 20 s. */
    public static final Duration DEFAULT_KEEP_ALIVE_INTERVAL = Duration.ofSeconds(20);
    /** Default {@link #ackBatchSize()}: acknowledgements sent by 64. */
    public static final int DEFAULT_ACK_BATCH_SIZE = 64;
    /** Default {@link #ackInterval()}: pending acknowledgements sent at least every 20 ms. */
    public static final Duration DEFAULT_ACK_INTERVAL = Duration.ofMillis(20);
    /** Default {@link #startId()}: a created group delivers the whole stream. */
    public static final String DEFAULT_START_ID = "0";
    /** Default {@link #closeTimeout()}: close waits up to 30 s for handlers. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /** Default {@link #maxBackoff()}: at most 5 s between attempts while Redis is down. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);

    private final String stream;
    private final String group;
    private final String consumer;
    private final int concurrency;
    private final int maxInFlight;
    private final int batchSize;
    private final Duration block;
    private final int maxDeliveries;
    private final Duration retryDelay;
    private final Duration maxRetryDelay;
    private final Duration claimInterval;
    private final Duration claimMinIdle;
    private final Duration keepAliveInterval;
    private final int ackBatchSize;
    private final Duration ackInterval;
    private final String startId;
    private final Duration closeTimeout;
    private final Duration maxBackoff;

    private ConsumerSettings(Builder b) {
        this.stream = b.stream;
        this.group = b.group;
        this.consumer = b.consumer;
        this.concurrency = b.concurrency;
        this.maxInFlight = b.maxInFlight;
        this.batchSize = b.batchSize;
        this.block = b.block;
        this.maxDeliveries = b.maxDeliveries;
        this.retryDelay = b.retryDelay;
        this.maxRetryDelay = b.maxRetryDelay;
        this.claimInterval = b.claimInterval;
        this.claimMinIdle = b.claimMinIdle;
        this.keepAliveInterval = b.keepAliveInterval;
        this.ackBatchSize = b.ackBatchSize;
        this.ackInterval = b.ackInterval;
        this.startId = b.startId;
        this.closeTimeout = b.closeTimeout;
        this.maxBackoff = b.maxBackoff;
    }

    /**
     * Settings for {@code consumer} in {@code group} on {@code stream}; names are checked when the worker starts.
     *
     * @param stream the stream to consume; checked against the naming policy at start
     * @param group the consumer group; 1 to 128 of {@code [A-Za-z0-9_.:-]}
     * @param consumer this worker's consumer name in the group, same rule as {@code group}
     * @return a builder with every other setting at its default
     * @throws NullPointerException a name is {@code null}
     */
    public static Builder builder(String stream, String group, String consumer) {
        return new Builder(stream, group, consumer);
    }

    /**
     * The stream consumed.
     *
     * @return the stream name as given
     */
    public String stream() {
        return stream;
    }

    /**
     * The consumer group read as.
     *
     * @return the group name
     */
    public String group() {
        return group;
    }

    /**
     * The consumer name within the group.
     *
     * @return the consumer name
     */
    public String consumer() {
        return consumer;
    }

    /**
     * Handler threads running entries in parallel.
     *
     * @return 1 to 256
     */
    public int concurrency() {
        return concurrency;
    }

    /**
     * Entries held at once; reading pauses while this many are unfinished.
     *
     * @return 1 to 10000
     */
    public int maxInFlight() {
        return maxInFlight;
    }

    /**
     * Entries asked for per read.
     *
     * @return 1 to 1000
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * How long one read waits for new entries.
     *
     * @return 1 ms to 30 s
     */
    public Duration block() {
        return block;
    }

    /**
     * Deliveries of an entry before it is dead-lettered.
     *
     * @return 1 to 1000
     */
    public int maxDeliveries() {
        return maxDeliveries;
    }

    /**
     * Delay before the first retry of a failed entry; doubles per failure.
     *
     * @return zero to one hour
     */
    public Duration retryDelay() {
        return retryDelay;
    }

    /**
     * Upper bound of the retry delay.
     *
     * @return at least {@link #retryDelay()}, at most one hour
     */
    public Duration maxRetryDelay() {
        return maxRetryDelay;
    }

    /**
     * How often entries of idle consumers are auto-claimed.
     *
     * @return 10 ms to one hour
     */
    public Duration claimInterval() {
        return claimInterval;
    }

    /**
     * How long an entry must be idle before this worker may take it over.
     *
     * @return 1 ms to one day
     */
    public Duration claimMinIdle() {
        return claimMinIdle;
    }

    /**
     * How often the idle time of entries this worker holds is reset.
     *
     * @return below half of {@link #claimMinIdle()}
     */
    public Duration keepAliveInterval() {
        return keepAliveInterval;
    }

    /**
     * Acknowledgements sent in one {@code XACK} at most.
     *
     * @return 1 to 1000
     */
    public int ackBatchSize() {
        return ackBatchSize;
    }

    /**
     * Longest wait before pending acknowledgements are sent.
     *
     * @return 1 ms to 10 s
     */
    public Duration ackInterval() {
        return ackInterval;
    }

    /**
     * Where a group created by the worker starts.
     *
     * @return {@code 0}, {@code $} or an entry id
     */
    public String startId() {
        return startId;
    }

    /**
     * How long close waits for running handlers before it interrupts them.
     *
     * @return zero to one hour
     */
    public Duration closeTimeout() {
        return closeTimeout;
    }

    /**
     * Longest pause between attempts while Redis is unreachable.
     *
     * @return 10 ms to 10 minutes
     */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    @Override
    public String toString() {
        return "ConsumerSettings[" + stream + " group=" + group + " consumer=" + consumer + " concurrency="
                + concurrency + " maxInFlight=" + maxInFlight + " maxDeliveries=" + maxDeliveries + "]";
    }

    /** Builder; not thread-safe. See {@link ConsumerSettings} for defaults. */
    public static final class Builder {
        private final String stream;
        private final String group;
        private final String consumer;
        private int concurrency = DEFAULT_CONCURRENCY;
        private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Duration block = DEFAULT_BLOCK;
        private int maxDeliveries = DEFAULT_MAX_DELIVERIES;
        private Duration retryDelay = DEFAULT_RETRY_DELAY;
        private Duration maxRetryDelay = DEFAULT_MAX_RETRY_DELAY;
        private Duration claimInterval = DEFAULT_CLAIM_INTERVAL;
        private Duration claimMinIdle = DEFAULT_CLAIM_MIN_IDLE;
        private Duration keepAliveInterval = DEFAULT_KEEP_ALIVE_INTERVAL;
        private int ackBatchSize = DEFAULT_ACK_BATCH_SIZE;
        private Duration ackInterval = DEFAULT_ACK_INTERVAL;
        private String startId = DEFAULT_START_ID;
        private Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;

        private Builder(String stream, String group, String consumer) {
            this.stream = requireNonNull(stream, "stream");
            this.group = requireNonNull(group, "group");
            this.consumer = requireNonNull(consumer, "consumer");
        }

        /**
         * Handler threads, 1 to 256.
         *
         * @param v 1 to 256
         * @return this builder
         * @throws IllegalArgumentException the value is out of range
         */
        public Builder concurrency(int v) {
            this.concurrency = range("concurrency", v, 1, 256);
            return this;
        }

        /**
         * Entries held at once (reading pauses at the bound), 1 to 10000.
         *
         * @param v 1 to 10000
         * @return this builder
         * @throws IllegalArgumentException the value is out of range
         */
        public Builder maxInFlight(int v) {
            this.maxInFlight = range("maxInFlight", v, 1, 10_000);
            return this;
        }

        /**
         * Entries per read, 1 to 1000.
         *
         * @param v 1 to 1000
         * @return this builder
         * @throws IllegalArgumentException the value is out of range
         */
        public Builder batchSize(int v) {
            this.batchSize = range("batchSize", v, 1, 1000);
            return this;
        }

        /**
         * How long one read waits for new entries, 1 ms to 30 s; close() may wait this long for the reader.
         *
         * @param v 1 ms to 30 s
         * @return this builder
         * @throws IllegalArgumentException the value is out of range
         */
        public Builder block(Duration v) {
            this.block = duration("block", v, Duration.ofMillis(1), Duration.ofSeconds(30));
            return this;
        }

        /**
         * Deliveries before an entry is dead-lettered, 1 to 1000.
         *
         * @param v 1 to 1000
         * @return this builder
         * @throws IllegalArgumentException the value is out of range
         */
        public Builder maxDeliveries(int v) {
            this.maxDeliveries = range("maxDeliveries", v, 1, 1000);
            return this;
        }

        /**
         * First retry delay; doubles per failure up to {@code maxRetryDelay}.
         *
         * @param v zero to one hour
         * @return this builder
         * @throws IllegalArgumentException the value is out of range
         */
        public Builder retryDelay(Duration v) {
            this.retryDelay = duration("retryDelay", v, Duration.ZERO, Duration.ofHours(1));
            return this;
        }

        /**
         * Upper bound of the retry delay; checked against {@code retryDelay} by {@link #build()}.
         *
         * @param v zero to one hour
         * @return this builder
         * @throws IllegalArgumentException the value is out of range
         */
        public Builder maxRetryDelay(Duration v) {
            this.maxRetryDelay = duration("maxRetryDelay", v, Duration.ZERO, Duration.ofHours(1));
            return this;
        }

        /**
         * How often to auto-claim entries of idle consumers.
         *
         * @param v 10 ms to one hour
         * @return this builder
         * @throws IllegalArgumentException the value is out of range
         */
        public Builder claimInterval(Duration v) {
            this.claimInterval = duration("claimInterval", v, Duration.ofMillis(10), Duration.ofHours(1));
            return this;
        }

        /**
         * How long an entry must be idle before another consumer may take it.
         *
         * @param v 1 ms to one day
         * @return this builder
         * @throws IllegalArgumentException the value is out of range
         */
        public Builder claimMinIdle(Duration v) {
            this.claimMinIdle = duration("claimMinIdle", v, Duration.ofMillis(1), Duration.ofDays(1));
            return this;
        }

        /**
         * How often entries this worker holds have their idle time reset; must be below half of claimMinIdle.
         *
         * @param v 1 ms to one day
         * @return this builder
         * @throws IllegalArgumentException the value is out of range
         */
        public Builder keepAliveInterval(Duration v) {
            this.keepAliveInterval = duration("keepAliveInterval", v, Duration.ofMillis(1), Duration.ofDays(1));
            return this;
        }

        /**
         * Acknowledgements sent in one {@code XACK} at most.
         *
         * @param v 1 to 1000
         * @return this builder
         * @throws IllegalArgumentException the value is out of range
         */
        public Builder ackBatchSize(int v) {
            this.ackBatchSize = range("ackBatchSize", v, 1, 1000);
            return this;
        }

        /**
         * Longest wait before pending acknowledgements are sent, when fewer than {@code ackBatchSize} are due.
         *
         * @param v 1 ms to 10 s
         * @return this builder
         * @throws IllegalArgumentException the value is out of range
         */
        public Builder ackInterval(Duration v) {
            this.ackInterval = duration("ackInterval", v, Duration.ofMillis(1), Duration.ofSeconds(10));
            return this;
        }

        /**
         * Where a group created by the worker starts: {@code 0} (everything in the stream) or {@code $}.
         *
         * @param v {@code 0}, {@code $} or an entry id ({@code ms} or {@code ms-seq})
         * @return this builder
         * @throws IllegalArgumentException the value is out of range
         */
        public Builder startId(String v) {
            requireNonNull(v, "startId");
            if (!v.equals("$") && !v.matches("\\d{1,20}(-\\d{1,20})?")) {
                throw new IllegalArgumentException("startId must be $ or a stream id, but was '" + v + "'");
            }
            this.startId = v;
            return this;
        }

        /**
         * How long close waits for running handlers to finish before it interrupts them.
         *
         * @param v zero to one hour
         * @return this builder
         * @throws IllegalArgumentException the value is out of range
         */
        public Builder closeTimeout(Duration v) {
            this.closeTimeout = duration("closeTimeout", v, Duration.ZERO, Duration.ofHours(1));
            return this;
        }

        /**
         * Longest pause between attempts while Redis is unreachable.
         *
         * @param v 10 ms to 10 minutes
         * @return this builder
         * @throws IllegalArgumentException the value is out of range
         */
        public Builder maxBackoff(Duration v) {
            this.maxBackoff = duration("maxBackoff", v, Duration.ofMillis(10), Duration.ofMinutes(10));
            return this;
        }

        /**
         * Creates the settings after checking the rules between values.
         *
         * @return the immutable settings
         * @throws IllegalArgumentException {@code keepAliveInterval} is not below half of {@code claimMinIdle}, or
         *     {@code maxRetryDelay} is below {@code retryDelay}
         */
        public ConsumerSettings build() {
            if (keepAliveInterval.multipliedBy(2).compareTo(claimMinIdle) >= 0) {
                throw new IllegalArgumentException("keepAliveInterval (" + keepAliveInterval
                        + ") must be below half of claimMinIdle (" + claimMinIdle + "), or a late keep-alive lets"
                        + " live entries be claimed");
            }
            if (maxRetryDelay.compareTo(retryDelay) < 0) {
                throw new IllegalArgumentException("maxRetryDelay (" + maxRetryDelay + ") must be at least"
                        + " retryDelay (" + retryDelay + ")");
            }
            return new ConsumerSettings(this);
        }

        private static int range(String name, int v, int min, int max) {
            if (v < min || v > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", but was "
                        + v);
            }
            return v;
        }

        private static Duration duration(String name, Duration v, Duration min, Duration max) {
            requireNonNull(v, name);
            if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", but was "
                        + v);
            }
            return v;
        }
    }
}
