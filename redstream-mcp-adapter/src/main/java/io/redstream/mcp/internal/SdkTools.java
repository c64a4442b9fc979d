package io.redstream.mcp.internal;

import java.util.ArrayList;
import java.util.List;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.redstream.mcp.tools.ToolCatalog;
import io.redstream.mcp.tools.ToolContext;
import io.redstream.mcp.tools.ToolSpec;

/** Converts our tool specs into MCP Java SDK tool registrations. */
public final class SdkTools {

    private SdkTools() {
    }

    public static McpSchema.Tool toSdkTool(ToolSpec spec) {
        var hints = spec.hints();
        return McpSchema.Tool.builder(spec.name(), spec.inputSchema())
                .title(spec.title())
                .description(spec.description())
                .outputSchema(spec.outputSchema())
                .annotations(new McpSchema.ToolAnnotations(spec.title(), hints.readOnly(), hints.destructive(),
                        hints.idempotent(), false, null))
                .build();
    }

    /**
     * One SDK registration per tool of the catalog, every call routed through {@code invoker}.
     * All tools are registered even in read-only mode, so a call to a hidden one gets a coded
     * ACCESS_DENIED result instead of the SDK's JSON-RPC "Unknown tool" error; the list is filtered
     * separately (see {@link #visibleIn}).
     */
    public static List<SyncToolSpecification> specifications(ToolCatalog catalog, ToolInvoker invoker) {
        List<SyncToolSpecification> specs = new ArrayList<>(catalog.size());
        for (ToolSpec spec : catalog.all()) {
            McpSchema.Tool tool = toSdkTool(spec);
            specs.add(new SyncToolSpecification(tool, (exchange, request) -> invoker.call(spec, request.arguments(),
                    new ToolContext(spec.name(), exchange.sessionId(), key -> exchange.transportContext().get(key)))));
        }
        return specs;
    }

    /** Whether {@code tool} is listed in the given mode (the SDK tool list filter). */
    public static boolean visibleIn(ToolCatalog catalog, boolean readOnly, McpSchema.Tool tool) {
        return catalog.find(tool.name()).map(spec -> !readOnly || spec.hints().readOnly()).orElse(false);
    }
}
