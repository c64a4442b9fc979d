package io.redstream.mcp.tool;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;

/**
 * The schemas of one tool under the server's settings: the input schema (with limits and defaults filled in), the
 * output schema, the defaults of top-level arguments, and which schema locations carry a server limit. The input
 * schema is compiled for validation on first use. Thread-safe.
 */
public final class ToolSchema {

    private final ObjectNode input;
    private final ObjectNode output;
    private final Map<String, JsonNode> defaults;
    private final Map<String, Limit> limits;
    private final SchemaRegistry registry;
    private volatile Schema compiled;

    ToolSchema(ObjectNode input, ObjectNode output, Map<String, JsonNode> defaults, Map<String, Limit> limits,
            SchemaRegistry registry) {
        this.input = input;
        this.output = output;
        this.defaults = Map.copyOf(defaults);
        this.limits = Map.copyOf(limits);
        this.registry = registry;
    }

    /** The input schema as JSON; do not modify. */
    public ObjectNode input() {
        return input;
    }

    /** The output schema as JSON; do not modify. */
    public ObjectNode output() {
        return output;
    }

    /** Top-level argument name to the value it takes when left out. */
    public Map<String, JsonNode> defaults() {
        return defaults;
    }

    /** The server limit behind the schema node at {@code pointer} (e.g. {@code /properties/count}), if any. */
    public Limit limitAt(String pointer) {
        return limits.getOrDefault(pointer, Limit.NONE);
    }

    /** The schema node at a JSON pointer into the input schema, or a missing node. */
    public JsonNode inputNode(String pointer) {
        return input.at(pointer);
    }

    Schema validator() {
        Schema s = compiled;
        if (s == null) {
            s = registry.getSchema(input);
            compiled = s;
        }
        return s;
    }
}
