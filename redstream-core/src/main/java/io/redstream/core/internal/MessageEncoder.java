package io.redstream.core.internal;

import io.redstream.core.InvalidArgumentException;
import io.redstream.core.LimitExceededException;
import io.redstream.core.Limits;
import io.redstream.core.stream.MessageFields;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Validates a caller's fields and turns them into what is stored: strings as they are, anything else as JSON
 * (listed in {@code _json}), plus {@code _timestamp}, {@code _source} and {@code _trace_id}.
 *
 * <p>Everything is checked before anything is sent, so a bad message in a batch rejects the whole batch.
 */
public final class MessageEncoder {
    private static final int MAX_FIELD_NAME = 256;

    private final String identity;
    private final Clock clock;
    private final Limits limits;

    public MessageEncoder(String identity, Clock clock, Limits limits) {
        this.identity = identity;
        this.clock = clock;
        this.limits = limits;
    }

    public Map<String, String> encode(String stream, Map<String, ?> fields, String traceId) {
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
        Map<String, String> out = new LinkedHashMap<>(fields.size() + 4);
        StringBuilder json = null;
        long bytes = 0;
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            String name = e.getKey();
            if (name == null || name.isEmpty() || name.length() > MAX_FIELD_NAME) {
                throw new InvalidArgumentException("field names must be 1 to " + MAX_FIELD_NAME
                        + " characters, but one was " + (name == null ? "null" : name.length() + " characters")
                        + " (stream '" + stream + "')");
            }
            if (MessageFields.RESERVED.contains(name)) {
                throw new InvalidArgumentException("field '" + name + "' is reserved: RedStream sets it on publish"
                        + " (stream '" + stream + "')");
            }
            Object value = e.getValue();
            if (value == null) {
                throw new InvalidArgumentException("field '" + name + "' has a null value; omit the field instead"
                        + " (stream '" + stream + "')");
            }
            String encoded;
            if (value instanceof CharSequence cs) {
                encoded = cs.toString();
            } else {
                if (MessageFields.TRACE_ID.equals(name)) {
                    throw new InvalidArgumentException("field '_trace_id' must be a string (stream '" + stream + "')");
                }
                encoded = Json.write("field '" + name + "'", value);
                json = json == null ? new StringBuilder(name) : json.append(',').append(name);
            }
            bytes += utf8Length(name) + utf8Length(encoded);
            out.put(name, encoded);
        }
        if (traceId != null) {
            out.put(MessageFields.TRACE_ID, traceId);
        }
        if (bytes > limits.maxMessageBytes()) {
            throw new LimitExceededException("message must be at most " + limits.maxMessageBytes()
                    + " bytes encoded, but was " + bytes + " (stream '" + stream + "')");
        }
        if (json != null) {
            out.put(MessageFields.JSON_FIELDS, json.toString());
        }
        out.put(MessageFields.TIMESTAMP, Long.toString(clock.millis()));
        out.put(MessageFields.SOURCE, identity);
        out.putIfAbsent(MessageFields.TRACE_ID, newTraceId());
        return out;
    }

    private static String newTraceId() {
        // Trace ids need uniqueness, not secrecy: a thread-local PRNG keeps publish off SecureRandom's lock.
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return hex16(r.nextLong()) + hex16(r.nextLong());
    }

    private static String hex16(long v) {
        String h = Long.toHexString(v);
        return h.length() == 16 ? h : "0".repeat(16 - h.length()) + h;
    }

    private static long utf8Length(String s) {
        // ASCII fast path: the common case avoids encoding the string just to count its bytes.
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return n;
    }
}
