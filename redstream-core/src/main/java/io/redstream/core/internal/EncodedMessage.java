package io.redstream.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import redis.clients.jedis.CommandArguments;

/**
 * A validated message as the bytes {@code XADD} sends: the caller's fields (and {@code _json} / a given
 * {@code _trace_id}) already UTF-8 encoded, then the three meta fields. Encoding once, here, is what lets the
 * size limit be checked on the exact bytes and spares Jedis from encoding every string again.
 *
 * <p>Immutable once built; safe to hand to the batcher's sender thread.
 */
public final class EncodedMessage {
    private final byte[][] pairs;
    private final int length;
    private final byte[] timestamp;
    private final byte[] source;
    private final byte[] traceId;

    EncodedMessage(byte[][] pairs, int length, byte[] timestamp, byte[] source, byte[] traceId) {
        this.pairs = pairs;
        this.length = length;
        this.timestamp = timestamp;
        this.source = source;
        this.traceId = traceId;
    }

    /**
     * This message with a tracer's propagation fields ({@code traceparent}, {@code tracestate}) added; the
     * generated {@code _trace_id} becomes {@code traceId} (a caller's own trace id is always kept).
     *
     * @param traceId the trace id of the propagated context, or null to keep the current one
     * @param fields the propagation fields to add; possibly empty
     * @return a new message with the fields added, or this message when there is nothing to change
     */
    public EncodedMessage withTraceContext(Map<String, String> fields, String traceId) {
        if (fields.isEmpty() && (traceId == null || this.traceId == null)) {
            return this;
        }
        byte[][] more = java.util.Arrays.copyOf(pairs, length + 2 * fields.size());
        int n = length;
        for (Map.Entry<String, String> e : fields.entrySet()) {
            more[n++] = e.getKey().getBytes(StandardCharsets.UTF_8);
            more[n++] = e.getValue().getBytes(StandardCharsets.UTF_8);
        }
        byte[] id = this.traceId != null && traceId != null ? traceId.getBytes(StandardCharsets.UTF_8) : this.traceId;
        return new EncodedMessage(more, n, timestamp, source, id);
    }

    /** Appends {@code field value ...} for every stored field to an {@code XADD} command. */
    void appendTo(CommandArguments args) {
        for (int i = 0; i < length; i++) {
            args.add(pairs[i]);
        }
        args.add(MessageEncoder.TIMESTAMP_BYTES).add(timestamp);
        args.add(MessageEncoder.SOURCE_BYTES).add(source);
        if (traceId != null) {
            args.add(MessageEncoder.TRACE_ID_BYTES).add(traceId);
        }
    }

    /**
     * Number of stored fields, meta fields included.
     *
     * @return the number of fields {@code XADD} will store
     */
    public int fieldCount() {
        return length / 2 + (traceId != null ? 3 : 2);
    }

    /**
     * The stored fields as strings, in the order they are sent (for tests and diagnostics, not the hot path).
     *
     * @return a new map of every field, in sending order
     */
    public Map<String, String> toMap() {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < length; i += 2) {
            out.put(utf8(pairs[i]), utf8(pairs[i + 1]));
        }
        out.put(utf8(MessageEncoder.TIMESTAMP_BYTES), utf8(timestamp));
        out.put(utf8(MessageEncoder.SOURCE_BYTES), utf8(source));
        if (traceId != null) {
            out.put(utf8(MessageEncoder.TRACE_ID_BYTES), utf8(traceId));
        }
        return out;
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "EncodedMessage[" + fieldCount() + " fields]"; // never the values: they may be sensitive
    }
}
