package io.redstream.mcp.tool;

import static java.util.Objects.requireNonNull;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.modelcontextprotocol.spec.McpSchema;

/**
 * A tool as the server offers it: its definition, its schemas under the server's settings, and the MCP SDK's
 * {@code Tool} listed by {@code tools/list}. Immutable.
 *
 * @param <A> the argument record
 * @param <R> the result record
 */
public final class RegisteredTool<A, R> {

    private final ToolDefinition<A, R> definition;
    private final ToolSchema schema;
    private final McpSchema.Tool sdkTool;

    @SuppressWarnings("unchecked")
    RegisteredTool(ToolDefinition<A, R> definition, ToolSchema schema, String description, ObjectMapper json) {
        this.definition = requireNonNull(definition, "definition");
        this.schema = requireNonNull(schema, "schema");
        ToolHints hints = definition.hints();
        this.sdkTool = McpSchema.Tool.builder()
                .name(definition.name())
                .title(definition.title())
                .description(description)
                .inputSchema(json.convertValue(schema.input(), Map.class))
                .outputSchema(json.convertValue(schema.output(), Map.class))
                .annotations(new McpSchema.ToolAnnotations(definition.title(), hints.readOnly(), hints.destructive(),
                        hints.idempotent(), false, null))
                .build();
    }

    public ToolDefinition<A, R> definition() {
        return definition;
    }

    public ToolSchema schema() {
        return schema;
    }

    public String name() {
        return definition.name();
    }

    /** What {@code tools/list} shows of this tool. */
    public McpSchema.Tool sdkTool() {
        return sdkTool;
    }
}
