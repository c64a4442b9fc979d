package io.redstream.core.internal.observation;

import io.redstream.core.internal.EncodedMessage;
import io.redstream.core.stream.MessageFields;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a tracer's propagator writes the trace context of a publish; {@link #applyTo} then adds it to the encoded
 * message. A W3C {@code traceparent} (or a B3 trace id) also becomes the message's {@code _trace_id}, so the id a
 * service logs and the id its tracing backend shows are the same — unless the caller chose the trace id itself.
 */
final class TraceCarrier {
    private static final String B3_TRACE_ID = "X-B3-TraceId";
    private static final int TRACEPARENT_LENGTH = 55;

    private final Map<String, String> fields = new LinkedHashMap<>(4);
    private String traceId;

    /** The propagator's setter. */
    void put(String field, String value) {
        if (field == null || value == null) {
            return;
        }
        fields.put(field, value);
        String id = traceIdOf(field, value);
        if (id != null) {
            traceId = id;
        }
    }

    /** {@code message} with the propagated fields, its generated trace id replaced by the propagated one. */
    EncodedMessage applyTo(EncodedMessage message) {
        return message.withTraceContext(fields, traceId);
    }

    /**
     * The trace id inside a propagation field the propagator produced: {@code version-traceid-spanid-flags} for W3C
     * (fixed layout), the whole value for B3's trace id header; null for any other field.
     */
    static String traceIdOf(String field, String value) {
        if (MessageFields.TRACEPARENT.equals(field)) {
            boolean wellFormed = value.length() >= TRACEPARENT_LENGTH && value.charAt(2) == '-'
                    && value.charAt(35) == '-';
            return wellFormed ? value.substring(3, 35) : null;
        }
        return B3_TRACE_ID.equalsIgnoreCase(field) ? value : null;
    }
}
