package io.redstream.mcp.tools;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One node of a tool's input or output schema. A schema both renders itself as JSON Schema 2020-12
 * (what {@code tools/list} shows) and validates values with caller-actionable messages, so the two can
 * never drift apart.
 *
 * <p>Schemas are configured fluently once, at startup, and then only read: they are not thread-safe
 * while being configured, and must not be changed after they were given to a {@link ToolSpec}.
 *
 * @param <S> the concrete type, for fluent setters
 */
public abstract class Schema<S extends Schema<S>> {

    private String description;
    private Object defaultValue;
    private boolean nullable;

    Schema() {
    }

    @SuppressWarnings("unchecked")
    final S self() {
        return (S) this;
    }

    /** Shown to the model; say what the value means and give an example. */
    public S description(String description) {
        this.description = description;
        return self();
    }

    /**
     * The value used when an optional argument is absent (or null); rendered as {@code default}.
     * Must itself be valid for this schema.
     */
    public S defaultValue(Object defaultValue) {
        this.defaultValue = defaultValue;
        return self();
    }

    /** Allows JSON {@code null} (for output fields such as {@code value} of a missing key). */
    public S nullable() {
        this.nullable = true;
        return self();
    }

    final Object defaultValue() {
        return defaultValue;
    }

    final boolean isNullable() {
        return nullable;
    }

    /** This schema as a JSON Schema document (a fresh, mutable map). */
    public final Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        String type = jsonType();
        if (type != null) {
            json.put("type", nullable ? java.util.List.of(type, "null") : type);
        }
        if (description != null) {
            json.put("description", description);
        }
        writeConstraints(json);
        if (defaultValue != null) {
            json.put("default", defaultValue);
        }
        return json;
    }

    /** The JSON Schema {@code type}, or null for "any". */
    abstract String jsonType();

    abstract void writeConstraints(Map<String, Object> json);

    /** What a valid value looks like, phrased to follow "must be": {@code an integer between 1 and 1000}. */
    abstract String expectation();

    /**
     * Checks {@code value} (never null here) and returns its normalized form (integers as {@link Long},
     * lists and maps unmodifiable), or null after reporting a violation.
     */
    abstract Object checkValue(Object value, String path, Violations violations);

    final Object check(Object value, String path, Violations violations) {
        if (value == null) {
            if (nullable) {
                return null;
            }
            violations.mismatch(path, expectation(), null);
            return null;
        }
        return checkValue(value, path, violations);
    }
}
