package io.redstream.mcp.server;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncListFilter;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpStatelessAsyncServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import io.redstream.mcp.tool.CallControl;
import io.redstream.mcp.tool.RegisteredTool;
import io.redstream.mcp.tool.ToolCatalog;
import io.redstream.mcp.tool.ToolInvoker;
import io.redstream.mcp.transport.JsonRpc;
import io.redstream.mcp.transport.SessionChannel;
import reactor.core.publisher.Mono;

/**
 * Builds MCP SDK servers that serve the tool catalog through a {@link ToolInvoker}, for any transport. SDK
 * settings and why: argument validation off (the invoker validates, with coded messages), a pass-through schema
 * validator ({@link PassThroughValidator}), one explicit Jackson 2 mapper (no service-loader lookup), every tool
 * registered and the list filtered (a hidden tool called anyway gets a coded refusal, not the SDK's "Unknown
 * tool").
 */
public final class McpServers {

    /** The {@code serverInfo.name} sent in the {@code initialize} reply. */
    public static final String SERVER_NAME = "redstream";

    static final String INSTRUCTIONS = """
            RedStream: Redis Streams, key-value state with TTL, pub/sub and atomic multi-key updates for agents.
            Names follow nova:{domain}:{entity}:{function} (segments [A-Za-z0-9_-]+); keys may add segments.
            A failed call returns isError with text 'CODE: message'; CODE is one of INVALID_ARGUMENT,
            INVALID_NAME, UNAUTHENTICATED, ACCESS_DENIED, LIMIT_EXCEEDED, NOT_FOUND, CONFLICT, UNAVAILABLE.""";

    private McpServers() {
    }

    /** The JSON mapper the SDK uses for protocol messages. */
    public static McpJsonMapper jsonMapper() {
        return new SdkJsonMapper(new ObjectMapper());
    }

    /** A server on a single-session transport (stdio, WebSocket). */
    public static McpAsyncServer build(McpServerTransportProvider transport, ToolInvoker invoker,
            McpJsonMapper jsonMapper, CallObserver observer) {
        return configure(McpServer.async(transport), invoker, jsonMapper, observer).build();
    }

    /** A server on Streamable HTTP, one session per client. */
    public static McpAsyncServer build(McpStreamableServerTransportProvider transport, ToolInvoker invoker,
            McpJsonMapper jsonMapper, CallObserver observer) {
        return configure(McpServer.async(transport), invoker, jsonMapper, observer).build();
    }

    /** A server without sessions: every request stands alone, so any instance may answer it. */
    public static McpStatelessAsyncServer build(McpStatelessServerTransport transport, ToolInvoker invoker,
            McpJsonMapper jsonMapper, CallObserver observer) {
        ToolCatalog catalog = invoker.catalog();
        List<McpStatelessServerFeatures.AsyncToolSpecification> specs = new ArrayList<>();
        for (RegisteredTool<?, ?> tool : catalog.all()) {
            specs.add(new McpStatelessServerFeatures.AsyncToolSpecification(tool.sdkTool(),
                    (context, request) -> call(invoker, observer, tool, context, request)));
        }
        return McpServer.async(transport)
                .serverInfo(serverInfo())
                .instructions(INSTRUCTIONS)
                .capabilities(capabilities())
                .jsonMapper(jsonMapper)
                .jsonSchemaValidator(PassThroughValidator.INSTANCE)
                .validateToolInputs(false)
                .strictToolNameValidation(true)
                .tools(specs)
                .addToolFilter(enabledOnly(catalog))
                .build();
    }

    private static <S extends McpServer.AsyncSpecification<S>> McpServer.AsyncSpecification<S> configure(
            McpServer.AsyncSpecification<S> spec, ToolInvoker invoker, McpJsonMapper jsonMapper,
            CallObserver observer) {
        ToolCatalog catalog = invoker.catalog();
        List<AsyncToolSpecification> specs = new ArrayList<>();
        for (RegisteredTool<?, ?> tool : catalog.all()) {
            specs.add(new AsyncToolSpecification(tool.sdkTool(),
                    (exchange, request) -> call(invoker, observer, tool, exchange.transportContext(), request)));
        }
        return spec
                .serverInfo(serverInfo())
                .instructions(INSTRUCTIONS)
                .capabilities(capabilities())
                .jsonMapper(jsonMapper)
                .jsonSchemaValidator(PassThroughValidator.INSTANCE)
                .validateToolInputs(false)
                .strictToolNameValidation(true)
                .tools(specs)
                .addToolFilter(enabledOnly(catalog));
    }

    private static McpSchema.Implementation serverInfo() {
        return McpSchema.Implementation.builder(SERVER_NAME, Version.current()).title("RedStream").build();
    }

    private static McpSchema.ServerCapabilities capabilities() {
        return McpSchema.ServerCapabilities.builder().tools(false).build();
    }

    private static McpAsyncListFilter<McpSchema.Tool> enabledOnly(ToolCatalog catalog) {
        return (context, tool) -> Mono.just(catalog.find(tool.name()).map(t -> catalog.enabled(t.definition()))
                .orElse(false));
    }

    private static Mono<McpSchema.CallToolResult> call(ToolInvoker invoker, CallObserver observer,
            RegisteredTool<?, ?> tool, McpTransportContext context, McpSchema.CallToolRequest request) {
        Object control = context.get(SessionChannel.CONTROL);
        Object parsed = JsonRpc.parsedArguments(request.arguments());
        return observer.observe(tool.definition().name(), invoker.call(tool, parsed != null ? parsed
                : request.arguments(), context, control instanceof CallControl c ? c : new CallControl()));
    }
}
