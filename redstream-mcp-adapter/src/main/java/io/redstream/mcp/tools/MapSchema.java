package io.redstream.mcp.tools;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON object used as a dictionary: any non-empty string keys, every value following one schema
 * (e.g. the {@code fields} of a stream entry).
 */
public final class MapSchema extends Schema<MapSchema> {

    private final Schema<?> values;
    private int minEntries;
    private int limit = Integer.MAX_VALUE;
    private String limitSetting;

    MapSchema(Schema<?> values) {
        this.values = requireNonNull(values, "values");
    }

    public MapSchema nonEmpty() {
        this.minEntries = 1;
        return this;
    }

    /** A configured maximum number of entries; exceeding it is {@link ErrorCode#LIMIT_EXCEEDED}. */
    public MapSchema limit(int limit, String setting) {
        this.limit = limit;
        this.limitSetting = requireNonNull(setting, "setting");
        return this;
    }

    @Override
    String jsonType() {
        return "object";
    }

    @Override
    void writeConstraints(Map<String, Object> json) {
        json.put("propertyNames", Map.of("minLength", 1));
        json.put("additionalProperties", values.toJson());
        if (minEntries > 0) {
            json.put("minProperties", minEntries);
        }
        if (limit != Integer.MAX_VALUE) {
            json.put("maxProperties", limit);
        }
    }

    @Override
    String expectation() {
        String base = minEntries > 0 ? "a non-empty object" : "an object";
        return limit != Integer.MAX_VALUE ? base + " of at most " + limit + " entries" : base;
    }

    @Override
    Object checkValue(Object value, String path, Violations violations) {
        if (!(value instanceof Map<?, ?> map)) {
            violations.mismatch(path, expectation(), value);
            return null;
        }
        if (map.size() < minEntries) {
            violations.mismatchDescribed(path, expectation(), "an empty object");
            return null;
        }
        if (map.size() > limit) {
            violations.limit(path, expectation(), "an object of " + map.size() + " entries", limitSetting);
            return null;
        }
        Map<String, Object> normalized = new LinkedHashMap<>(Math.max(4, map.size() * 2));
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (key.isEmpty()) {
                violations.mismatchDescribed(path, "an object with non-empty keys", "an object with an empty key");
                continue;
            }
            normalized.put(key, values.check(e.getValue(), Violations.child(path, key), violations));
        }
        return Collections.unmodifiableMap(normalized);
    }
}
