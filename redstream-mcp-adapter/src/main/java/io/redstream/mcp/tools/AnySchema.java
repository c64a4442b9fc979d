package io.redstream.mcp.tools;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * Any JSON value (rendered as a schema without {@code type}). A configured size limit may bound its
 * size: a string counts its UTF-8 bytes (it is stored as it is), any other value its compact JSON size
 * (it is stored as JSON). The JSON size is estimated without serializing (string escapes are not
 * counted), which is exact for the usual values and never overestimates.
 */
public final class AnySchema extends Schema<AnySchema> {

    private long maxJsonBytes = Long.MAX_VALUE;
    private String limitSetting;

    AnySchema() {
    }

    /** A configured maximum size of the value as compact JSON; exceeding it is LIMIT_EXCEEDED. */
    public AnySchema maxJsonBytes(long maxJsonBytes, String setting) {
        this.maxJsonBytes = maxJsonBytes;
        this.limitSetting = requireNonNull(setting, "setting");
        return this;
    }

    @Override
    String jsonType() {
        return null;
    }

    @Override
    void writeConstraints(Map<String, Object> json) {
    }

    @Override
    String expectation() {
        return "a JSON value";
    }

    @Override
    Object checkValue(Object value, String path, Violations violations) {
        if (maxJsonBytes != Long.MAX_VALUE) {
            boolean text = value instanceof String;
            long size = text ? StringSchema.utf8Length((String) value) : jsonSize(value, maxJsonBytes);
            if (size > maxJsonBytes) {
                violations.limit(path, "at most " + maxJsonBytes + (text ? " bytes as UTF-8" : " bytes as JSON"),
                        (text ? size + " bytes" : "more than " + maxJsonBytes + " bytes"), limitSetting);
                return null;
            }
        }
        return value;
    }

    /** Compact JSON size of a Jackson-style value tree, counting no further than {@code stopAbove}. */
    static long jsonSize(Object value, long stopAbove) {
        if (value == null) {
            return 4;
        }
        if (value instanceof String s) {
            return StringSchema.utf8Length(s) + 2L;
        }
        if (value instanceof List<?> list) {
            long size = 2 + Math.max(0, list.size() - 1);
            for (Object item : list) {
                size += jsonSize(item, stopAbove);
                if (size > stopAbove) {
                    return size;
                }
            }
            return size;
        }
        if (value instanceof Map<?, ?> map) {
            long size = 2 + Math.max(0, map.size() - 1);
            for (Map.Entry<?, ?> e : map.entrySet()) {
                size += StringSchema.utf8Length(String.valueOf(e.getKey())) + 3L + jsonSize(e.getValue(), stopAbove);
                if (size > stopAbove) {
                    return size;
                }
            }
            return size;
        }
        return String.valueOf(value).length();
    }
}
