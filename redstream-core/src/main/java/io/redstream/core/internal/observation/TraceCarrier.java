package io.redstream.core.internal.observation;

import io.redstream.core.stream.MessageFields;
import java.util.List;
import java.util.Map;

/**
 * Where a tracer's propagator writes the trace context of a publish: the encoded fields of every message it sends.
 * A W3C {@code traceparent} (or a B3 trace id) also becomes the message's {@code _trace_id}, so the id a service
 * logs and the id its tracing backend shows are the same — unless the caller chose the trace id itself.
 */
final class TraceCarrier {
    private static final String B3_TRACE_ID = "X-B3-TraceId";
    private static final int TRACEPARENT_LENGTH = 55;

    private final List<Map<String, String>> messages;
    private final boolean replaceTraceId;

    TraceCarrier(List<Map<String, String>> messages, boolean replaceTraceId) {
        this.messages = messages;
        this.replaceTraceId = replaceTraceId;
    }

    /** The propagator's setter. */
    void put(String field, String value) {
        if (field == null || value == null) {
            return;
        }
        String traceId = replaceTraceId ? traceIdOf(field, value) : null;
        for (Map<String, String> m : messages) {
            m.put(field, value);
            if (traceId != null) {
                m.put(MessageFields.TRACE_ID, traceId);
            }
        }
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
