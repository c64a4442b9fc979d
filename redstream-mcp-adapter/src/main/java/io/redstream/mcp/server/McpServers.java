package io.redstream.mcp.server;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.redstream.mcp.tool.CallControl;
import io.redstream.mcp.tool.RegisteredTool;
import io.redstream.mcp.tool.ToolCatalog;
import io.redstream.mcp.tool.ToolInvoker;
import io.redstream.mcp.transport.JsonRpc;
import io.redstream.mcp.transport.StdioTransport;
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
            McpJsonMapper jsonMapper) {
        ToolCatalog catalog = invoker.catalog();
        return McpServer.async(transport)
                .serverInfo(McpSchema.Implementation.builder(SERVER_NAME, Version.current()).title("RedStream").build())
                .instructions(INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .jsonMapper(jsonMapper)
                .jsonSchemaValidator(PassThroughValidator.INSTANCE)
                .validateToolInputs(false)
                .strictToolNameValidation(true)
                .tools(specifications(invoker))
                .addToolFilter((context, tool) -> Mono.just(catalog.find(tool.name())
                        .map(t -> catalog.enabled(t.definition())).orElse(false)))
                .build();
    }

    private static List<AsyncToolSpecification> specifications(ToolInvoker invoker) {
        List<AsyncToolSpecification> specs = new ArrayList<>();
        for (RegisteredTool<?, ?> tool : invoker.catalog().all()) {
            specs.add(new AsyncToolSpecification(tool.sdkTool(), (exchange, request) -> {
                McpTransportContext context = exchange.transportContext();
                Object control = context.get(StdioTransport.CONTROL);
                Object parsed = JsonRpc.parsedArguments(request.arguments());
                return invoker.call(tool, parsed != null ? parsed : request.arguments(), context,
                        control instanceof CallControl c ? c : new CallControl());
            }));
        }
        return specs;
    }
}
