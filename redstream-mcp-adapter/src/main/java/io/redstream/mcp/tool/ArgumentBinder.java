package io.redstream.mcp.tool;

import static java.util.Objects.requireNonNull;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;

import io.redstream.core.InvalidArgumentException;
import io.redstream.core.RedStreamException;

/**
 * Turns a call's raw arguments into the tool's argument record: fills in defaults, validates against the input
 * schema with the JSON Schema engine the MCP SDK ships (networknt), renders violations as coded messages
 * ({@link Violations}), then binds. A record's own checks (its compact constructor) may refuse a combination the
 * schema cannot express; their {@link IllegalArgumentException} becomes {@code INVALID_ARGUMENT}. Thread-safe.
 */
final class ArgumentBinder {

    private final ObjectMapper mapper;

    ArgumentBinder(ObjectMapper mapper) {
        this.mapper = requireNonNull(mapper, "mapper");
    }

    /** @param raw the arguments as a map, or a JSON object node (which is modified: defaults are filled in) */
    <A> A bind(ToolDefinition<A, ?> tool, ToolSchema schema, Object raw) {
        ObjectNode arguments = raw instanceof ObjectNode node ? node
                : raw == null ? mapper.createObjectNode() : mapper.valueToTree(raw);
        schema.defaults().forEach((name, value) -> {
            if (!arguments.has(name)) {
                arguments.set(name, value);
            }
        });
        List<Error> errors = schema.validator().validate(arguments);
        if (!errors.isEmpty()) {
            throw Violations.render(errors, arguments, schema);
        }
        try {
            return mapper.treeToValue(arguments, tool.arguments());
        } catch (JsonProcessingException e) {
            throw refusal(e);
        }
    }

    private static RuntimeException refusal(JsonProcessingException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof RedStreamException r) {
                return r;
            }
            if (t instanceof IllegalArgumentException i) {
                return new InvalidArgumentException(i.getMessage());
            }
        }
        // The schema accepted what binding refused: name the argument, never Jackson's class names.
        String path = e instanceof com.fasterxml.jackson.databind.JsonMappingException m ? m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("") : "";
        return new InvalidArgumentException(path.isEmpty() ? "the arguments do not have the shape the tool's schema"
                + " describes" : "argument '" + path + "' does not have the shape the tool's schema describes");
    }

    JsonNode tree(Object value) {
        return mapper.valueToTree(value);
    }
}
