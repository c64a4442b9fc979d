package io.redstream.mcp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
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
     * Tools that wait by design (up to the block/timeout limit): they run on a worker thread so the session
     * keeps serving other requests meanwhile (an agent may publish while its subscribe call waits).
     */
    static final Set<String> WAITING_TOOLS = Set.of("redis_subscribe", "stream_group_read");

    /**
     * One SDK registration per tool of the catalog, every call routed through {@code invoker}.
     * All tools are registered even in read-only mode, so a call to a hidden one gets a coded
     * ACCESS_DENIED result instead of the SDK's JSON-RPC "Unknown tool" error; the list is filtered
     * separately (see {@link #visibleIn}).
     *
     * <p>Quick tools run on the thread that read the request: one Redis round trip does not pay for two thread
     * hand-offs, which is what brings a call to the latency of the TypeScript reference server. Waiting tools
     * ({@link #WAITING_TOOLS}) move to a worker thread.
     */
    public static List<AsyncToolSpecification> specifications(ToolCatalog catalog, ToolInvoker invoker) {
        List<AsyncToolSpecification> specs = new ArrayList<>(catalog.size());
        for (ToolSpec spec : catalog.all()) {
            McpSchema.Tool tool = toSdkTool(spec);
            boolean waits = WAITING_TOOLS.contains(spec.name());
            specs.add(new AsyncToolSpecification(tool, (exchange, request) -> {
                Mono<McpSchema.CallToolResult> call = Mono.fromCallable(() -> invoker.call(spec,
                        request.arguments(), new ToolContext(spec.name(), exchange.sessionId(),
                                key -> exchange.transportContext().get(key))));
                return waits ? call.subscribeOn(Schedulers.boundedElastic()) : call;
            }));
        }
        return specs;
    }

    /** Whether {@code tool} is listed in the given mode (the SDK tool list filter). */
    public static boolean visibleIn(ToolCatalog catalog, boolean readOnly, McpSchema.Tool tool) {
        return catalog.find(tool.name()).map(spec -> !readOnly || spec.hints().readOnly()).orElse(false);
    }
}
