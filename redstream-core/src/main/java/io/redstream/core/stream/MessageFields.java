package io.redstream.core.stream;

import java.util.Set;

/**
 * The fields RedStream adds to every published message. Callers may supply {@link #TRACE_ID} (it is kept); the
 * others are reserved and rejected when supplied.
 */
public final class MessageFields {
    /** Epoch milliseconds at publish time, from the client's {@link java.time.Clock}. */
    public static final String TIMESTAMP = "_timestamp";
    /** The publishing client's identity ({@code RedStream.builder().identity(...)}). */
    public static final String SOURCE = "_source";
    /** Correlates messages across services; kept when the caller gives one, else a new random id. */
    public static final String TRACE_ID = "_trace_id";
    /** Comma-separated names of fields whose value is JSON (non-string values), so reads can return them typed. */
    public static final String JSON_FIELDS = "_json";

    /**
     * W3C trace context of the publishing span, written when the client has an {@code ObservationRegistry} with a
     * tracer; a consumer's observation continues that trace. See {@code docs/observability.md}.
     */
    public static final String TRACEPARENT = "traceparent";
    /** W3C vendor trace state, written next to {@link #TRACEPARENT} when the tracer has any. */
    public static final String TRACESTATE = "tracestate";

    /** Fields a caller may not set. */
    public static final Set<String> RESERVED = Set.of(TIMESTAMP, SOURCE, JSON_FIELDS);

    private MessageFields() {
    }

    /**
     * Whether {@code field} is one RedStream adds (including the trace id and the W3C trace context).
     *
     * @param field the field name
     * @return {@code true} for a meta field
     */
    public static boolean isMeta(String field) {
        return RESERVED.contains(field) || TRACE_ID.equals(field) || TRACEPARENT.equals(field)
                || TRACESTATE.equals(field);
    }
}
