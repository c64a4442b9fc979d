package io.redstream.mcp.tool;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;

import io.redstream.core.InvalidArgumentException;
import io.redstream.core.LimitExceededException;
import io.redstream.core.RedStreamException;

/**
 * Renders the JSON Schema engine's findings about a call's arguments as one message a person can act on: which
 * argument, what it must be (read from the schema), and what it was. The result is {@code LIMIT_EXCEEDED} when
 * every finding is a server limit (naming the flag that sets it), {@code INVALID_ARGUMENT} otherwise. Stateless.
 */
final class Violations {

    /** Enough to fix a call in one go, short enough to read. */
    static final int MAX_REPORTED = 8;

    private static final Set<String> UPPER_BOUNDS = Set.of("maximum", "maxItems", "maxLength", "maxProperties");

    private Violations() {
    }

    static RedStreamException render(List<Error> errors, JsonNode arguments, ToolSchema schema) {
        List<String> messages = new ArrayList<>();
        boolean onlyLimits = true;
        for (Error error : errors) {
            String keyword = error.getKeyword();
            String schemaPointer = pointer(error.getSchemaLocation().getFragment());
            String parentPointer = schemaPointer.substring(0, Math.max(0, schemaPointer.lastIndexOf('/')));
            String path = path(error.getInstanceLocation());
            JsonNode value = arguments.at(jsonPointer(error.getInstanceLocation()));
            Limit limit = UPPER_BOUNDS.contains(keyword) ? schema.limitAt(parentPointer) : Limit.NONE;
            onlyLimits &= limit != Limit.NONE;
            String message = switch (keyword) {
                case "required" -> {
                    String name = error.getProperty();
                    String where = path.isEmpty() ? name : path + "." + name;
                    JsonNode property = schema.inputNode(parentPointer + "/properties/" + escape(name));
                    yield "missing required argument '" + where + "' (" + expectation(property) + ")";
                }
                case "additionalProperties" -> {
                    String name = error.getProperty();
                    String where = path.isEmpty() ? name : path + "." + name;
                    yield "unknown argument '" + where + "' (accepted: "
                            + accepted(schema.inputNode(parentPointer)) + ")";
                }
                default -> {
                    JsonNode node = schema.inputNode(parentPointer);
                    String text = "argument '" + (path.isEmpty() ? "(arguments)" : path) + "' must be "
                            + expectation(node) + ", but was " + describe(value);
                    yield limit == Limit.NONE ? text : text + " (server limit, set by " + limit.flag() + ")";
                }
            };
            if (!messages.contains(message)) {
                messages.add(message);
            }
        }
        List<String> shown = messages.size() > MAX_REPORTED ? messages.subList(0, MAX_REPORTED) : messages;
        String text = String.join("; ", shown)
                + (messages.size() > MAX_REPORTED ? "; and " + (messages.size() - MAX_REPORTED) + " more" : "");
        return onlyLimits ? new LimitExceededException(text) : new InvalidArgumentException(text);
    }

    /** What a value matching {@code schema} looks like, in words. */
    static String expectation(JsonNode schema) {
        if (schema == null || schema.isMissingNode()) {
            return "a value";
        }
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(v -> values.add(v.isTextual() ? "'" + v.asText() + "'" : v.toString()));
            return "one of " + String.join(", ", values);
        }
        JsonNode type = schema.get("type");
        String nullable = "";
        String t;
        if (type == null) {
            return "any JSON value";
        } else if (type.isArray()) {
            List<String> types = new ArrayList<>();
            type.forEach(x -> {
                if (!x.asText().equals("null")) {
                    types.add(x.asText());
                }
            });
            nullable = type.size() > types.size() ? " or null" : "";
            t = types.isEmpty() ? "null" : types.get(0);
        } else {
            t = type.asText();
        }
        String described = switch (t) {
            case "integer", "number" -> (t.equals("integer") ? "an integer" : "a number")
                    + bounds(schema, "minimum", "maximum", "");
            case "string" -> schema.path("minLength").asLong() == 1 && !schema.has("maxLength") ? "a non-empty string"
                    : "a string" + bounds(schema, "minLength", "maxLength", " characters");
            case "array" -> "an array" + bounds(schema, "minItems", "maxItems", " items");
            case "object" -> "an object" + bounds(schema, "minProperties", "maxProperties", " properties");
            case "boolean" -> "true or false";
            default -> "a " + t;
        };
        return described + nullable;
    }

    private static String bounds(JsonNode schema, String minKey, String maxKey, String unit) {
        JsonNode min = schema.get(minKey);
        JsonNode max = schema.get(maxKey);
        if (min != null && max != null) {
            return (unit.isEmpty() ? " between " : " of ") + min.asText() + (unit.isEmpty() ? " and " : " to ")
                    + max.asText() + unit;
        }
        if (min != null) {
            return (unit.isEmpty() ? " of at least " : " of at least ") + min.asText() + unit;
        }
        if (max != null) {
            return " of at most " + max.asText() + unit;
        }
        return "";
    }

    private static String accepted(JsonNode objectSchema) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = objectSchema.path("properties").fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    /** A short, recognisable rendering of a caller's value (long strings are cut). */
    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            String s = value.asText();
            return s.length() > 40 ? quote(s.substring(0, 40)) + "... (a string of " + s.length() + " characters)"
                    : quote(s);
        }
        if (value.isObject()) {
            return "an object with " + value.size() + (value.size() == 1 ? " property" : " properties");
        }
        if (value.isArray()) {
            return "an array of " + value.size() + (value.size() == 1 ? " item" : " items");
        }
        return value.toString();
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** {@code operations[0].key} for an instance location. */
    private static String path(NodePath location) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Number) {
                b.append('[').append(element).append(']');
            } else {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(element);
            }
        }
        return b.toString();
    }

    private static String jsonPointer(NodePath location) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            b.append('/').append(escape(String.valueOf(location.getElement(i))));
        }
        return b.toString();
    }

    private static String pointer(NodePath fragment) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fragment.getNameCount(); i++) {
            b.append('/').append(String.valueOf(fragment.getElement(i)));
        }
        return b.toString();
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
