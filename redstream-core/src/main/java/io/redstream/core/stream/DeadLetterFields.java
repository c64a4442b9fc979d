package io.redstream.core.stream;

/** Fields added to an entry moved to a dead-letter stream ({@code <stream>:dlq}). */
public final class DeadLetterFields {
    /** Why the entry was given up on (the handler's exception, or the rule that fired). */
    public static final String REASON = "_dlq_reason";
    /** The entry's id in its original stream. */
    public static final String ORIGINAL_ID = "_dlq_original_id";
    /** The original stream. */
    public static final String STREAM = "_dlq_stream";
    /** The consumer group that gave up. */
    public static final String GROUP = "_dlq_group";
    /** The consumer that gave up. */
    public static final String CONSUMER = "_dlq_consumer";
    /** How many times the entry had been delivered. */
    public static final String DELIVERIES = "_dlq_deliveries";
    /** When it was dead-lettered, epoch ms. */
    public static final String AT = "_dlq_at";

    private DeadLetterFields() {
    }
}
