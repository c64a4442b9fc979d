package io.redstream.core.stream;

import static java.util.Objects.requireNonNull;

import io.redstream.core.internal.Json;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One stream entry as read back: its id, raw fields, and — for group reads and claims — how often it was delivered.
 *
 * <p>{@link #fields()} holds every field as Redis stores it, including the meta fields of {@link MessageFields}.
 * {@link #values()} gives the caller's fields typed: values published as non-strings come back as the JSON types
 * Jackson reads ({@code Map}, {@code List}, {@code Integer}, {@code Boolean}, ...), strings as strings.
 *
 * <p>An entry trimmed away while still pending is returned by Redis with no fields; {@link #isDeleted()} tells.
 *
 * <p>Immutable and thread-safe.
 */
public final class StreamEntry {
    private final String stream;
    private final String id;
    private final Map<String, String> fields;
    private final Long deliveries;

    /**
     * An entry with a copy of {@code fields}.
     *
     * @param stream the stream the entry was read from
     * @param id the entry id
     * @param fields every field as stored; {@code null} or empty for an entry deleted while pending
     * @param deliveries how many times it was delivered to a group consumer, or {@code null} when unknown
     * @throws NullPointerException {@code stream} or {@code id} is {@code null}
     */
    public StreamEntry(String stream, String id, Map<String, String> fields, Long deliveries) {
        this.stream = requireNonNull(stream, "stream");
        this.id = requireNonNull(id, "id");
        this.fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.deliveries = deliveries;
    }

    /**
     * An entry from fields as Redis lists them: {@code name, value, name, value, ...} ({@code flatFields} is read,
     * not kept). Null or empty fields make an entry that {@link #isDeleted() was deleted} while pending.
     *
     * @throws IllegalArgumentException {@code flatFields} has an odd length
     * @param stream the stream the entry was read from
     * @param id the entry id
     * @param flatFields names and values alternating; {@code null} or empty for an entry deleted while pending
     * @param deliveries how many times it was delivered to a group consumer, or {@code null} when unknown
     * @return the entry
     */
    public static StreamEntry fromFlatFields(String stream, String id, String[] flatFields, Long deliveries) {
        if (flatFields != null && flatFields.length % 2 != 0) {
            throw new IllegalArgumentException("flatFields must hold name/value pairs, but had " + flatFields.length
                    + " elements");
        }
        Map<String, String> fields;
        if (flatFields == null || flatFields.length == 0) {
            fields = Map.of();
        } else {
            LinkedHashMap<String, String> m = new LinkedHashMap<>(flatFields.length);
            for (int i = 0; i < flatFields.length; i += 2) {
                m.put(requireNonNull(flatFields[i], "field name"), requireNonNull(flatFields[i + 1], "field value"));
            }
            fields = Collections.unmodifiableMap(m);
        }
        return new StreamEntry(stream, id, fields, deliveries, true);
    }

    /** Takes {@code fields} as it is: only for maps made here and never handed out mutable. */
    private StreamEntry(String stream, String id, Map<String, String> fields, Long deliveries, boolean owned) {
        this.stream = requireNonNull(stream, "stream");
        this.id = requireNonNull(id, "id");
        this.fields = fields;
        this.deliveries = deliveries;
    }

    /**
     * The stream the entry was read from.
     *
     * @return the stream name
     */
    public String stream() {
        return stream;
    }

    /**
     * The entry id.
     *
     * @return the id, {@code ms-seq}
     */
    public String id() {
        return id;
    }

    /**
     * Every field as stored, meta fields included.
     *
     * @return an unmodifiable map in the order Redis returned the fields
     */
    public Map<String, String> fields() {
        return fields;
    }

    /**
     * How many times the entry was delivered to a group consumer, when known.
     *
     * @return the delivery count, or empty for plain reads
     */
    public OptionalLong deliveries() {
        return deliveries == null ? OptionalLong.empty() : OptionalLong.of(deliveries);
    }

    /**
     * True when the entry was deleted or trimmed while pending: Redis returns its id with no fields.
     *
     * @return {@code true} when the entry has no fields
     */
    public boolean isDeleted() {
        return fields.isEmpty();
    }

    /**
     * A raw field value, or {@code null}.
     *
     * @param field the field name
     * @return the stored string, or {@code null} when the entry has no such field
     */
    public String get(String field) {
        return fields.get(field);
    }

    /**
     * A field read as {@code type} (JSON for non-string types); {@code null} when absent.
     *
     * @param <T> the type to decode into
     * @param field the field name
     * @param type the class to decode into; {@code String.class} gives a string field as stored
     * @return the decoded value, or {@code null} when the entry has no such field
     * @throws io.redstream.core.InvalidArgumentException the value cannot be read as {@code type}
     */
    public <T> T get(String field, Class<T> type) {
        String raw = fields.get(field);
        if (raw == null) {
            return null;
        }
        if (type == String.class && !jsonFields().contains(field)) {
            return type.cast(raw);
        }
        return Json.read("field '" + field + "' of entry " + id, raw, type);
    }

    /**
     * The caller's fields (meta fields removed), non-string values decoded from JSON.
     *
     * @return a new map of the caller's fields in stored order
     * @throws io.redstream.core.InvalidArgumentException a field marked as JSON does not parse
     */
    public Map<String, Object> values() {
        Set<String> json = jsonFields();
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (MessageFields.isMeta(e.getKey())) {
                continue;
            }
            out.put(e.getKey(), json.contains(e.getKey())
                    ? Json.read("field '" + e.getKey() + "' of entry " + id, e.getValue(), Object.class)
                    : e.getValue());
        }
        return out;
    }

    /**
     * Publish time in epoch ms from {@code _timestamp}, else the millisecond part of the id.
     *
     * @return epoch milliseconds
     */
    public long timestamp() {
        String ts = fields.get(MessageFields.TIMESTAMP);
        if (ts != null) {
            try {
                return Long.parseLong(ts);
            } catch (NumberFormatException ignored) {
                // fall through to the id, which always carries a time
            }
        }
        int dash = id.indexOf('-');
        return Long.parseLong(dash < 0 ? id : id.substring(0, dash));
    }

    /**
     * The publisher's identity, or {@code null} for entries not written through RedStream.
     *
     * @return the {@code _source} field, or {@code null}
     */
    public String source() {
        return fields.get(MessageFields.SOURCE);
    }

    /**
     * The trace id, or {@code null}.
     *
     * @return the {@code _trace_id} field, or {@code null}
     */
    public String traceId() {
        return fields.get(MessageFields.TRACE_ID);
    }

    private Set<String> jsonFields() {
        String list = fields.get(MessageFields.JSON_FIELDS);
        return list == null || list.isEmpty() ? Set.of() : Arrays.stream(list.split(",")).collect(Collectors.toSet());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StreamEntry other && stream.equals(other.stream) && id.equals(other.id)
                && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return stream.hashCode() * 31 + id.hashCode();
    }

    /** Shows the stream, id and field names only: values may be sensitive. */
    @Override
    public String toString() {
        return "StreamEntry[" + stream + " " + id + " fields=" + fields.keySet()
                + (deliveries == null ? "" : " deliveries=" + deliveries) + "]";
    }
}
