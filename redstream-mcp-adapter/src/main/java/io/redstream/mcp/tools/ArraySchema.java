package io.redstream.mcp.tools;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A JSON array whose items all follow one schema; the number of items may be bounded and limited. */
public final class ArraySchema extends Schema<ArraySchema> {

    private final Schema<?> items;
    private int minItems;
    private int maxItems = Integer.MAX_VALUE;
    private int limit = Integer.MAX_VALUE;
    private String limitSetting;

    ArraySchema(Schema<?> items) {
        this.items = requireNonNull(items, "items");
    }

    /** Inclusive bounds on the number of items that belong to the argument's meaning. */
    public ArraySchema size(int min, int max) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("size must satisfy 0 <= min <= max, but was " + min + ".." + max);
        }
        this.minItems = min;
        this.maxItems = max;
        return this;
    }

    public ArraySchema nonEmpty() {
        this.minItems = Math.max(1, minItems);
        return this;
    }

    /** A configured maximum number of items; exceeding it is {@link ErrorCode#LIMIT_EXCEEDED}. */
    public ArraySchema limit(int limit, String setting) {
        this.limit = limit;
        this.limitSetting = requireNonNull(setting, "setting");
        return this;
    }

    Schema<?> items() {
        return items;
    }

    private int upper() {
        return Math.min(maxItems, limit);
    }

    @Override
    String jsonType() {
        return "array";
    }

    @Override
    void writeConstraints(Map<String, Object> json) {
        json.put("items", items.toJson());
        if (minItems > 0) {
            json.put("minItems", minItems);
        }
        if (upper() != Integer.MAX_VALUE) {
            json.put("maxItems", upper());
        }
    }

    @Override
    String expectation() {
        boolean high = upper() != Integer.MAX_VALUE;
        if (minItems > 0 && high) {
            return "an array of " + minItems + " to " + upper() + " items";
        }
        if (minItems > 0) {
            return minItems == 1 ? "a non-empty array" : "an array of at least " + minItems + " items";
        }
        return high ? "an array of at most " + upper() + " items" : "an array";
    }

    @Override
    Object checkValue(Object value, String path, Violations violations) {
        if (!(value instanceof List<?> list)) {
            violations.mismatch(path, expectation(), value);
            return null;
        }
        int size = list.size();
        if (size < minItems || size > maxItems) {
            violations.mismatchDescribed(path, expectation(), "an array of " + size + " items");
            return null;
        }
        if (size > limit) {
            violations.limit(path, expectation(), "an array of " + size + " items", limitSetting);
            return null;
        }
        List<Object> normalized = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            normalized.add(items.check(list.get(i), Violations.element(path, i), violations));
        }
        return Collections.unmodifiableList(normalized);
    }
}
