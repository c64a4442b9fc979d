package io.redstream.core.internal;

import io.redstream.core.InvalidArgumentException;
import io.redstream.core.LimitExceededException;
import io.redstream.core.Limits;
import io.redstream.core.stream.MessageFields;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Validates a caller's fields and turns them into what is stored: strings as they are, anything else as JSON
 * (listed in {@code _json}), plus {@code _timestamp}, {@code _source} and {@code _trace_id}. This is the one place
 * a published message is enriched.
 *
 * <p>Everything is checked before anything is sent, so a bad message in a batch rejects the whole batch.
 * Thread-safe and stateless apart from its configuration.
 */
public final class MessageEncoder {
    static final byte[] TIMESTAMP_BYTES = ascii(MessageFields.TIMESTAMP);
    static final byte[] SOURCE_BYTES = ascii(MessageFields.SOURCE);
    static final byte[] TRACE_ID_BYTES = ascii(MessageFields.TRACE_ID);
    private static final byte[] JSON_BYTES = ascii(MessageFields.JSON_FIELDS);
    private static final byte[] HEX = ascii("0123456789abcdef");
    private static final int MAX_FIELD_NAME = 256;

    private final byte[] identity;
    private final Clock clock;
    private final Limits limits;

    /**
     * An encoder writing {@code identity} as {@code _source} and the clock's time as {@code _timestamp}.
     *
     * @param identity the client identity
     * @param clock the clock for {@code _timestamp}
     * @param limits the bounds every message is checked against
     */
    public MessageEncoder(String identity, Clock clock, Limits limits) {
        this.identity = identity.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        this.limits = limits;
    }

    /**
     * Checks the caller's fields and encodes them with the meta fields ({@code _timestamp}, {@code _source},
     * {@code _trace_id}, {@code _json} for values written as JSON), ready for {@code XADD}.
     *
     * @param stream the stream name, for error messages
     * @param fields the caller's fields; not empty, no {@code null} value, no reserved name
     * @param traceId the trace id to store, or null to keep the caller's {@code _trace_id} field or make a new one
     * @return the encoded message with the meta fields added
     * @throws io.redstream.core.InvalidArgumentException the fields are empty, have a {@code null} value or a reserved
     *     or too long name
     * @throws io.redstream.core.LimitExceededException too many fields or too many bytes
     */
    public EncodedMessage encode(String stream, Map<String, ?> fields, String traceId) {
        if (fields == null) {
            throw new InvalidArgumentException("fields must not be null (stream '" + stream + "')");
        }
        if (fields.isEmpty()) {
            throw new InvalidArgumentException("fields must not be empty: a message needs at least one field (stream '"
                    + stream + "')");
        }
        if (fields.size() > limits.maxFieldsPerMessage()) {
            throw new LimitExceededException("fields must have at most " + limits.maxFieldsPerMessage()
                    + " entries, but had " + fields.size() + " (stream '" + stream + "')");
        }
        // Room for every caller field, _json, and a trace id given as an option.
        byte[][] pairs = new byte[2 * fields.size() + 4][];
        int n = 0;
        StringBuilder json = null;
        boolean traceGiven = false;
        long bytes = 0;
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            String name = e.getKey();
            if (name == null || name.isEmpty() || name.length() > MAX_FIELD_NAME) {
                throw new InvalidArgumentException("field names must be 1 to " + MAX_FIELD_NAME
                        + " characters, but one was " + (name == null ? "null" : name.length() + " characters")
                        + " (stream '" + stream + "')");
            }
            boolean meta = name.charAt(0) == '_';
            if (meta && MessageFields.RESERVED.contains(name)) {
                throw new InvalidArgumentException("field '" + name + "' is reserved: RedStream sets it on publish"
                        + " (stream '" + stream + "')");
            }
            Object value = e.getValue();
            if (value == null) {
                throw new InvalidArgumentException("field '" + name + "' has a null value; omit the field instead"
                        + " (stream '" + stream + "')");
            }
            boolean isTrace = meta && MessageFields.TRACE_ID.equals(name);
            String encoded;
            if (value instanceof CharSequence cs) {
                encoded = cs.toString();
            } else {
                if (isTrace) {
                    throw new InvalidArgumentException("field '_trace_id' must be a string (stream '" + stream + "')");
                }
                encoded = Json.write("field '" + name + "'", value);
                json = json == null ? new StringBuilder(name) : json.append(',').append(name);
            }
            if (isTrace) {
                traceGiven = true;
                if (traceId != null) {
                    encoded = traceId; // the option wins over a field of the same name
                }
            }
            byte[] k = name.getBytes(StandardCharsets.UTF_8);
            byte[] v = encoded.getBytes(StandardCharsets.UTF_8);
            bytes += k.length + v.length;
            pairs[n++] = k;
            pairs[n++] = v;
        }
        if (traceId != null && !traceGiven) {
            pairs[n++] = TRACE_ID_BYTES;
            pairs[n++] = traceId.getBytes(StandardCharsets.UTF_8);
            traceGiven = true;
        }
        if (bytes > limits.maxMessageBytes()) {
            throw new LimitExceededException("message must be at most " + limits.maxMessageBytes()
                    + " bytes encoded, but was " + bytes + " (stream '" + stream + "')");
        }
        if (json != null) {
            pairs[n++] = JSON_BYTES;
            pairs[n++] = json.toString().getBytes(StandardCharsets.UTF_8);
        }
        return new EncodedMessage(pairs, n, decimal(clock.millis()), identity, traceGiven ? null : newTraceId());
    }

    /**
     * 32 lowercase hex digits from a thread-local PRNG: trace ids need uniqueness, not secrecy, and this keeps
     * publish off SecureRandom's lock and away from formatting strings.
     */
    private static byte[] newTraceId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        byte[] out = new byte[32];
        hex(r.nextLong(), out, 0);
        hex(r.nextLong(), out, 16);
        return out;
    }

    private static void hex(long v, byte[] out, int at) {
        for (int i = 15; i >= 0; i--) {
            out[at + i] = HEX[(int) (v & 0xf)];
            v >>>= 4;
        }
    }

    /** ASCII digits of a non-negative epoch-millisecond value. */
    static byte[] decimal(long v) {
        if (v < 0) {
            return ascii(Long.toString(v));
        }
        int digits = 1;
        for (long x = v; x >= 10; x /= 10) {
            digits++;
        }
        byte[] out = new byte[digits];
        for (int i = digits - 1; i >= 0; i--) {
            out[i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
