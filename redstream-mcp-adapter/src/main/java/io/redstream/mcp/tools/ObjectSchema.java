package io.redstream.mcp.tools;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object with declared properties, each required or optional; no other properties are accepted
 * ({@code additionalProperties: false}), so a misspelt argument is reported instead of ignored. Optional
 * properties that are absent or {@code null} take their schema's default, if any.
 */
public final class ObjectSchema extends Schema<ObjectSchema> {

    private record Property(Schema<?> schema, boolean required) {
    }

    private final Map<String, Property> properties = new LinkedHashMap<>();

    ObjectSchema() {
    }

    public ObjectSchema required(String name, Schema<?> schema) {
        return property(name, schema, true);
    }

    public ObjectSchema optional(String name, Schema<?> schema) {
        return property(name, schema, false);
    }

    private ObjectSchema property(String name, Schema<?> schema, boolean required) {
        requireNonNull(name, "name");
        requireNonNull(schema, "schema");
        if (properties.containsKey(name)) {
            throw new IllegalArgumentException("property '" + name + "' is declared twice");
        }
        properties.put(name, new Property(schema, required));
        return this;
    }

    boolean declares(String name) {
        return properties.containsKey(name);
    }

    List<String> propertyNames() {
        return List.copyOf(properties.keySet());
    }

    /** The schema of a declared property (for checks at registration), or null. */
    Schema<?> propertySchema(String name) {
        Property p = properties.get(name);
        return p == null ? null : p.schema();
    }

    @Override
    String jsonType() {
        return "object";
    }

    @Override
    void writeConstraints(Map<String, Object> json) {
        Map<String, Object> props = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        properties.forEach((name, p) -> {
            props.put(name, p.schema().toJson());
            if (p.required()) {
                required.add(name);
            }
        });
        json.put("properties", props);
        if (!required.isEmpty()) {
            json.put("required", required);
        }
        json.put("additionalProperties", false);
    }

    @Override
    String expectation() {
        return properties.isEmpty() ? "an empty object" : "an object with " + accepted();
    }

    private String accepted() {
        return properties.isEmpty() ? "no properties" : "properties " + String.join(", ", properties.keySet());
    }

    @Override
    Object checkValue(Object value, String path, Violations violations) {
        if (!(value instanceof Map<?, ?> map)) {
            violations.mismatch(path, expectation(), value);
            return null;
        }
        return checkProperties(map, path, violations);
    }

    Map<String, Object> checkProperties(Map<?, ?> map, String path, Violations violations) {
        Map<String, Object> normalized = new LinkedHashMap<>(Math.max(4, properties.size() * 2));
        for (Map.Entry<String, Property> e : properties.entrySet()) {
            String name = e.getKey();
            Schema<?> schema = e.getValue().schema();
            Object raw = map.get(name);
            String childPath = Violations.child(path, name);
            if (raw == null && !(map.containsKey(name) && schema.isNullable() && e.getValue().required())) {
                if (e.getValue().required()) {
                    violations.missing(childPath, schema.expectation());
                } else if (schema.defaultValue() != null) {
                    normalized.put(name, schema.check(schema.defaultValue(), childPath, violations));
                }
                continue;
            }
            normalized.put(name, schema.check(raw, childPath, violations));
        }
        for (Object key : map.keySet()) {
            String name = String.valueOf(key);
            if (!properties.containsKey(name)) {
                violations.unknown(Violations.child(path, name),
                        path.isEmpty() ? "accepted: " + acceptedNames() : "allowed there: " + acceptedNames());
            }
        }
        return Collections.unmodifiableMap(normalized);
    }

    private String acceptedNames() {
        return properties.isEmpty() ? "none" : String.join(", ", properties.keySet());
    }
}
