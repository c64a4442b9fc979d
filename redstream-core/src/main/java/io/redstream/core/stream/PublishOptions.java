package io.redstream.core.stream;

import static java.util.Objects.requireNonNull;

/**
 * How a message is added: trimming, stream creation, explicit id and trace id. Immutable; start from
 * {@link #DEFAULT} or {@link #builder()}.
 *
 * <ul>
 *   <li>{@code maxLen}: trim to about this many entries ({@code MAXLEN ~}), or exactly with {@code exactTrim};</li>
 *   <li>{@code minId}: trim entries older than this id ({@code MINID ~}); exclusive with {@code maxLen};</li>
 *   <li>{@code noCreate}: do not create a missing stream ({@code NOMKSTREAM}); publishing then fails with
 *       {@link io.redstream.core.NotFoundException};</li>
 *   <li>{@code id}: a client-generated id ({@code ms-seq}). Retrying a publish with the same id is safe: when
 *       Redis already holds that id, the publish returns it instead of adding a duplicate;</li>
 *   <li>{@code traceId}: the trace id to write (otherwise {@code _trace_id} from the fields, else a new one).</li>
 * </ul>
 */
public final class PublishOptions {
    /** No trimming, create the stream, server-generated id. */
    public static final PublishOptions DEFAULT = builder().build();

    private final long maxLen;
    private final boolean exactTrim;
    private final String minId;
    private final boolean noCreate;
    private final String id;
    private final String traceId;

    private PublishOptions(Builder b) {
        this.maxLen = b.maxLen;
        this.exactTrim = b.exactTrim;
        this.minId = b.minId;
        this.noCreate = b.noCreate;
        this.id = b.id;
        this.traceId = b.traceId;
    }

    /**
     * A builder starting from the defaults (no trim, create the stream, server id, generated trace id).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Shortcut for {@code builder().maxLen(maxLen).build()}.
     *
     * @param maxLen the approximate number of entries to keep; at least 1
     * @return options that trim to about {@code maxLen} entries
     * @throws IllegalArgumentException {@code maxLen} is below 1
     */
    public static PublishOptions maxLen(long maxLen) {
        return builder().maxLen(maxLen).build();
    }

    /**
     * The trim length, or 0 for none.
     *
     * @return the {@code MAXLEN} value, or 0
     */
    public long maxLen() {
        return maxLen;
    }

    /**
     * Whether {@code maxLen} trims exactly ({@code MAXLEN =}) instead of approximately ({@code MAXLEN ~}).
     *
     * @return {@code true} for exact trimming
     */
    public boolean exactTrim() {
        return exactTrim;
    }

    /**
     * The MINID trim threshold, or {@code null}.
     *
     * @return the lowest id to keep, or {@code null} for no {@code MINID} trim
     */
    public String minId() {
        return minId;
    }

    /**
     * Whether a missing stream is left missing ({@code NOMKSTREAM}) and the publish fails instead.
     *
     * @return {@code true} when the stream must already exist
     */
    public boolean noCreate() {
        return noCreate;
    }

    /**
     * The client-generated id, or {@code null}.
     *
     * @return the id to publish with, or {@code null} for a server-generated one
     */
    public String id() {
        return id;
    }

    /**
     * The trace id, or {@code null}.
     *
     * @return the trace id to write as {@code _trace_id}, or {@code null} to take it from the fields or generate one
     */
    public String traceId() {
        return traceId;
    }

    /**
     * A builder holding these options, to derive changed copies.
     *
     * @return a new builder with every option of this instance
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxLen = maxLen;
        b.exactTrim = exactTrim;
        b.minId = minId;
        b.noCreate = noCreate;
        b.id = id;
        b.traceId = traceId;
        return b;
    }

    @Override
    public String toString() {
        return "PublishOptions[maxLen=" + maxLen + (exactTrim ? " exact" : "") + ", minId=" + minId + ", noCreate="
                + noCreate + ", id=" + id + "]";
    }

    /** Builder; not thread-safe. Defaults: no trim, create the stream, server id, generated trace id. */
    public static final class Builder {
        private long maxLen;
        private boolean exactTrim;
        private String minId;
        private boolean noCreate;
        private String id;
        private String traceId;

        private Builder() {
        }

        /**
         * Trim to about {@code maxLen} entries. Must be at least 1.
         *
         * @param maxLen the approximate number of entries to keep
         * @return this builder
         * @throws IllegalArgumentException {@code maxLen} is below 1
         */
        public Builder maxLen(long maxLen) {
            if (maxLen < 1) {
                throw new IllegalArgumentException("maxLen must be at least 1, but was " + maxLen);
            }
            this.maxLen = maxLen;
            return this;
        }

        /**
         * Trim exactly instead of approximately (slower for Redis).
         *
         * @param exactTrim {@code true} for {@code MAXLEN =} or {@code MINID =}
         * @return this builder
         */
        public Builder exactTrim(boolean exactTrim) {
            this.exactTrim = exactTrim;
            return this;
        }

        /**
         * Trim entries with ids lower than {@code minId}.
         *
         * @param minId the lowest id to keep, {@code ms-seq} or {@code ms}
         * @return this builder
         * @throws IllegalArgumentException {@code minId} is not an entry id
         */
        public Builder minId(String minId) {
            this.minId = EntryIds.requireId("minId", minId);
            return this;
        }

        /**
         * Fail instead of creating a missing stream.
         *
         * @param noCreate {@code true} to fail on a missing stream
         * @return this builder
         */
        public Builder noCreate(boolean noCreate) {
            this.noCreate = noCreate;
            return this;
        }

        /**
         * A client-generated id {@code ms-seq} (or {@code ms-*}), for retries without duplicates.
         *
         * @param id the entry id to publish with
         * @return this builder
         * @throws IllegalArgumentException {@code id} is not {@code ms-seq} or {@code ms-*}
         */
        public Builder id(String id) {
            requireNonNull(id, "id");
            if (!id.matches("\\d{1,20}-(\\d{1,20}|\\*)")) {
                throw new IllegalArgumentException("id must look like <ms>-<seq> (or <ms>-*), but was '" + id + "'");
            }
            this.id = id;
            return this;
        }

        /**
         * The trace id to write; 1 to 128 characters.
         *
         * @param traceId the trace id
         * @return this builder
         * @throws IllegalArgumentException {@code traceId} is empty or longer than 128 characters
         */
        public Builder traceId(String traceId) {
            requireNonNull(traceId, "traceId");
            if (traceId.isEmpty() || traceId.length() > 128) {
                throw new IllegalArgumentException("traceId must be 1 to 128 characters, but was "
                        + traceId.length());
            }
            this.traceId = traceId;
            return this;
        }

        /**
         * Creates the options.
         *
         * @return the immutable options
         * @throws IllegalArgumentException both {@code maxLen} and {@code minId} were set
         */
        public PublishOptions build() {
            if (maxLen > 0 && minId != null) {
                throw new IllegalArgumentException("maxLen and minId are exclusive: choose one trimming strategy");
            }
            return new PublishOptions(this);
        }
    }
}
