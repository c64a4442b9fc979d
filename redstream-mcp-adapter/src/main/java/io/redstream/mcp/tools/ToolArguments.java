package io.redstream.mcp.tools;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Arguments of one call, already validated against the tool's input schema: types are guaranteed
 * (integers are {@code long}), defaults are applied, unknown names were rejected. Accessing a name in
 * a way its schema does not allow is a programming error ({@link IllegalStateException}). Immutable.
 */
public final class ToolArguments {

    private final Map<String, Object> values;

    ToolArguments(Map<String, Object> values) {
        this.values = requireNonNull(values, "values");
    }

    /** Whether the argument was given (or has a default). */
    public boolean has(String name) {
        return values.get(name) != null;
    }

    public String string(String name) {
        return required(name, String.class);
    }

    public Optional<String> optionalString(String name) {
        return Optional.ofNullable(optional(name, String.class));
    }

    public long longValue(String name) {
        return required(name, Long.class);
    }

    public OptionalLong optionalLong(String name) {
        Long value = optional(name, Long.class);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /** An integer argument whose schema bounds it to the int range. */
    public int intValue(String name) {
        return Math.toIntExact(longValue(name));
    }

    public boolean bool(String name) {
        return required(name, Boolean.class);
    }

    public Optional<Boolean> optionalBool(String name) {
        return Optional.ofNullable(optional(name, Boolean.class));
    }

    /** An array of strings; empty when absent. */
    public List<String> stringList(String name) {
        List<?> list = optional(name, List.class);
        if (list == null) {
            return List.of();
        }
        List<String> strings = new ArrayList<>(list.size());
        for (Object item : list) {
            strings.add(cast(name, item, String.class));
        }
        return Collections.unmodifiableList(strings);
    }

    /** An array of objects, each as arguments; empty when absent. */
    public List<ToolArguments> objectList(String name) {
        List<?> list = optional(name, List.class);
        if (list == null) {
            return List.of();
        }
        List<ToolArguments> objects = new ArrayList<>(list.size());
        for (Object item : list) {
            objects.add(new ToolArguments(castMap(name, item)));
        }
        return Collections.unmodifiableList(objects);
    }

    /** An object argument (e.g. stream fields); empty when absent. Values are plain JSON values. */
    public Map<String, Object> map(String name) {
        Object value = values.get(name);
        return value == null ? Map.of() : castMap(name, value);
    }

    /** The raw JSON value (String, Long, Boolean, List, Map, or null when absent). */
    public Object value(String name) {
        return values.get(name);
    }

    /** All arguments, as validated. */
    public Map<String, Object> asMap() {
        return values;
    }

    private <T> T required(String name, Class<T> type) {
        T value = optional(name, type);
        if (value == null) {
            throw new IllegalStateException("argument '" + name + "' is absent: declare it required or give it a default");
        }
        return value;
    }

    private <T> T optional(String name, Class<T> type) {
        Object value = values.get(name);
        return value == null ? null : cast(name, value, type);
    }

    private static <T> T cast(String name, Object value, Class<T> type) {
        if (!type.isInstance(value)) {
            throw new IllegalStateException("argument '" + name + "' is " + value.getClass().getSimpleName()
                    + ", not " + type.getSimpleName() + ": check the tool's input schema");
        }
        return type.cast(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(String name, Object value) {
        return cast(name, value, Map.class);
    }

    @Override
    public String toString() {
        // Values may be large or sensitive; names are enough to debug.
        return "ToolArguments" + values.keySet();
    }
}
