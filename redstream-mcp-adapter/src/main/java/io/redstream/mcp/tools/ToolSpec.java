package io.redstream.mcp.tools;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One MCP tool: its contract (name, title, description, input and output schema, hints) and its
 * handler. Immutable once built; the rendered JSON schemas are computed once.
 *
 * <pre>{@code
 * ToolSpec spec = ToolSpec.builder("stream_read")
 *     .title("Read stream entries")
 *     .description("Reads entries of a stream by id range, oldest first (XRANGE) or newest first (XREVRANGE).")
 *     .hints(ToolHints.READ_ONLY)
 *     .input(Schemas.object()
 *         .required("stream", Schemas.string().nonEmpty().description("Stream name, e.g. nova:task:router:tasks"))
 *         .optional("count", Schemas.integer().min(1).limit(limits.maxCount(), "--max-count").defaultValue(100)))
 *     .output(Schemas.object()
 *         .required("stream", Schemas.string())
 *         .required("entries", Schemas.array(Schemas.object()
 *             .required("id", Schemas.string())
 *             .required("fields", Schemas.map(Schemas.any())))))
 *     .handler((args, ctx) -> Map.of("stream", args.string("stream"), "entries", read(args)))
 *     .build();
 * }</pre>
 *
 * <p>If the output has a top-level array, an optional boolean {@value #TRUNCATED} property is added
 * to it: the server sets it when it cut that array to keep the result under the result size limit.
 */
public final class ToolSpec {

    /** Output property set to {@code true} when the server cut a result to the result size limit. */
    public static final String TRUNCATED = "truncated";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final String name;
    private final String title;
    private final String description;
    private final ToolHints hints;
    private final ObjectSchema input;
    private final ObjectSchema output;
    private final ToolHandler handler;
    private final Map<String, Object> inputSchemaJson;
    private final Map<String, Object> outputSchemaJson;

    private ToolSpec(Builder b) {
        this.name = b.name;
        this.title = b.title;
        this.description = requireNonNull(b.description, "description");
        this.hints = requireNonNull(b.hints, "hints");
        this.input = requireNonNull(b.input, "input");
        this.output = requireNonNull(b.output, "output");
        this.handler = requireNonNull(b.handler, "handler");
        if (!output.declares(TRUNCATED) && hasTopLevelArray(output)) {
            output.optional(TRUNCATED, Schemas.bool()
                    .description("Present and true when a list was cut to the server's result size limit."));
        }
        checkDefaults(name, input);
        this.inputSchemaJson = Collections.unmodifiableMap(input.toJson());
        this.outputSchemaJson = Collections.unmodifiableMap(output.toJson());
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /** Human-readable title; defaults to the name. */
    public String title() {
        return title == null ? name : title;
    }

    public String description() {
        return description;
    }

    public ToolHints hints() {
        return hints;
    }

    public ToolHandler handler() {
        return handler;
    }

    /** The input schema as JSON Schema 2020-12 (unmodifiable). */
    public Map<String, Object> inputSchema() {
        return inputSchemaJson;
    }

    /** The output schema as JSON Schema 2020-12 (unmodifiable). */
    public Map<String, Object> outputSchema() {
        return outputSchemaJson;
    }

    /** The names of the top-level array properties of the output (candidates for truncation). */
    public List<String> outputArrays() {
        return output.propertyNames().stream().filter(p -> output.propertySchema(p) instanceof ArraySchema).toList();
    }

    /**
     * Validates raw call arguments ({@code null} means none) against the input schema.
     *
     * @throws ToolException {@code INVALID_ARGUMENT} (or {@code LIMIT_EXCEEDED} when only configured
     *                       limits were exceeded) with every problem named, in declaration order
     */
    public ToolArguments validateArguments(Map<String, ?> raw) {
        Violations violations = new Violations("argument");
        Map<String, Object> normalized = input.checkProperties(raw == null ? Map.of() : raw, "", violations);
        if (!violations.isEmpty()) {
            throw new ToolException(violations.code(), violations.message());
        }
        return new ToolArguments(normalized);
    }

    /** Problems of a handler's result against the output schema; empty when it conforms. */
    public List<String> checkResult(Map<String, ?> result) {
        Violations violations = new Violations("result field");
        output.checkProperties(requireNonNull(result, "result"), "", violations);
        return violations.isEmpty() ? List.of() : violations.messages();
    }

    private static boolean hasTopLevelArray(ObjectSchema schema) {
        return schema.propertyNames().stream().anyMatch(p -> schema.propertySchema(p) instanceof ArraySchema);
    }

    private static void checkDefaults(String tool, ObjectSchema input) {
        for (String property : input.propertyNames()) {
            Schema<?> schema = input.propertySchema(property);
            if (schema.defaultValue() != null) {
                Violations v = new Violations("default of argument");
                schema.check(schema.defaultValue(), property, v);
                if (!v.isEmpty()) {
                    throw new IllegalArgumentException("tool '" + tool + "': " + v.message());
                }
            }
        }
    }

    @Override
    public String toString() {
        return "ToolSpec[" + name + ", " + hints + "]";
    }

    /** Collects a tool's parts; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {

        private final String name;
        private String title;
        private String description;
        private ToolHints hints;
        private ObjectSchema input = Schemas.object();
        private ObjectSchema output;
        private ToolHandler handler;

        private Builder(String name) {
            requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        "tool name must match " + NAME.pattern() + " (snake_case), but was '" + name + "'");
            }
            this.name = name;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** Required: what the tool does, when to use it, and what it returns. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Required: {@link ToolHints#READ_ONLY} or {@link ToolHints#write}. */
        public Builder hints(ToolHints hints) {
            this.hints = hints;
            return this;
        }

        /** The arguments; defaults to none. */
        public Builder input(ObjectSchema input) {
            this.input = input;
            return this;
        }

        /** Required: the structured result. */
        public Builder output(ObjectSchema output) {
            this.output = output;
            return this;
        }

        public Builder handler(ToolHandler handler) {
            this.handler = handler;
            return this;
        }

        public ToolSpec build() {
            return new ToolSpec(this);
        }
    }
}
