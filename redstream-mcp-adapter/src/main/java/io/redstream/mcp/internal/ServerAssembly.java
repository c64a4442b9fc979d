package io.redstream.mcp.internal;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.io.OutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpAsyncServer;
import reactor.core.publisher.Mono;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.redstream.mcp.ServerConfig;
import io.redstream.mcp.tools.CallerResolver;
import io.redstream.mcp.tools.ToolCatalog;
import io.redstream.mcp.tools.ToolSpec;

/**
 * Wires our tools into an MCP Java SDK server for a transport. One per server; thread-safe after
 * construction.
 *
 * <p>SDK settings and why: input validation off (our {@link ToolInvoker} validates with coded
 * messages); output validation handed a pass-through validator (ours ran first); one explicit Jackson 2
 * mapper (no service-loader lookup); all tools registered, the list filtered in read-only mode.
 */
public final class ServerAssembly {

    private final ServerConfig config;
    private final ToolCatalog catalog;
    private final McpSchema.Implementation serverInfo;
    private final ObjectMapper objectMapper = new ObjectMapper();
    private final McpJsonMapper jsonMapper = new JacksonMcpJsonMapper(objectMapper);
    private final ToolInvoker invoker;

    public ServerAssembly(ServerConfig config, ToolCatalog catalog, ErrorMapper errors, McpSchema.Implementation serverInfo) {
        this(config, catalog, errors, serverInfo, CallerResolver.NONE);
    }

    public ServerAssembly(ServerConfig config, ToolCatalog catalog, ErrorMapper errors, McpSchema.Implementation serverInfo,
            CallerResolver callers) {
        this.config = requireNonNull(config, "config");
        this.catalog = requireNonNull(catalog, "catalog");
        this.serverInfo = requireNonNull(serverInfo, "serverInfo");
        this.invoker = new ToolInvoker(objectMapper, errors, config.limits().maxResultBytes(), config.readOnly(),
                catalog.available(true).stream().map(ToolSpec::name).toList(), callers);
    }

    public McpJsonMapper jsonMapper() {
        return jsonMapper;
    }

    /** A server on a single-session transport (stdio). */
    public McpAsyncServer build(McpServerTransportProvider transport) {
        return configure(McpServer.async(transport)).build();
    }

    /**
     * Applies our settings to any SDK server specification; the Streamable HTTP transport
     * ({@code McpServer.async(HttpServletStreamableServerTransportProvider)}) goes through here too.
     */
    McpServer.AsyncSpecification<?> configure(McpServer.AsyncSpecification<?> spec) {
        boolean readOnly = config.readOnly();
        return spec
                .serverInfo(serverInfo)
                .instructions(INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .jsonMapper(jsonMapper)
                .jsonSchemaValidator(PrevalidatedSchemaValidator.INSTANCE)
                .validateToolInputs(false)
                .strictToolNameValidation(true)
                .tools(SdkTools.specifications(catalog, invoker))
                .addToolFilter((context, tool) -> Mono.just(SdkTools.visibleIn(catalog, readOnly, tool)));
    }

    /**
     * Serves MCP over the given stdin/stdout until input ends. {@code out} must be used by nobody
     * else; lines that the SDK would choke on are answered by a {@link StdinGuard}.
     */
    public StdioSession startStdio(InputStream in, OutputStream out) {
        StdioSession session = new StdioSession();
        StdinGuard guard = new StdinGuard(in.markSupported() ? in : new java.io.BufferedInputStream(in, 65536), out,
                jsonMapper, objectMapper, config.limits().maxRequestBytes(), session::endOfInput);
        var transport = new StdioServerTransportProvider(jsonMapper, guard, out, config.limits().maxRequestBytes());
        session.server(build(transport));
        return session;
    }

    static final String INSTRUCTIONS = """
            RedStream: Redis Streams, key-value state with TTL, pub/sub and atomic multi-key updates for agents.
            Names follow nova:{domain}:{entity}:{function} (segments [A-Za-z0-9_-]+); keys may add segments.
            A failed call returns isError with text 'CODE: message'; CODE is one of INVALID_ARGUMENT,
            INVALID_NAME, UNAUTHENTICATED, ACCESS_DENIED, LIMIT_EXCEEDED, NOT_FOUND, CONFLICT, UNAVAILABLE.""";
}
