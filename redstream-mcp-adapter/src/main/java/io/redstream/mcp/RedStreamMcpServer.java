package io.redstream.mcp;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import io.modelcontextprotocol.spec.McpSchema;
import io.redstream.mcp.internal.ErrorMapper;
import io.redstream.mcp.internal.ServerAssembly;
import io.redstream.mcp.tools.CallerResolver;
import io.redstream.mcp.tools.ErrorCode;
import io.redstream.mcp.tools.ToolCatalog;
import io.redstream.mcp.tools.ToolSpec;

/**
 * The RedStream MCP server: a {@link ServerConfig}, a set of {@link ToolSpec tools} and the mapping of
 * exceptions to error codes, served over a transport. Immutable and thread-safe once built.
 *
 * <pre>{@code
 * RedStreamMcpServer server = RedStreamMcpServer.builder(config)
 *     .tools(redisTools)                                          // List<ToolSpec>
 *     .mapException(InvalidNameException.class, ErrorCode.INVALID_NAME)
 *     .build();
 * try (ServerSession session = server.serveStdio(stdin, stdout)) {
 *     session.awaitEndOfInput();
 * }
 * }</pre>
 */
public final class RedStreamMcpServer {

    /** The {@code serverInfo.name} sent in {@code initialize}. */
    public static final String SERVER_NAME = "redstream";

    private final ServerConfig config;
    private final ToolCatalog catalog;
    private final ServerAssembly assembly;

    private RedStreamMcpServer(Builder b) {
        this.config = b.config;
        this.catalog = ToolCatalog.of(b.tools);
        this.assembly = new ServerAssembly(config, catalog, b.errors,
                McpSchema.Implementation.builder(SERVER_NAME, version()).title("RedStream").build(), b.callers);
    }

    public static Builder builder(ServerConfig config) {
        return new Builder(config);
    }

    public ServerConfig config() {
        return config;
    }

    public ToolCatalog catalog() {
        return catalog;
    }

    /**
     * Starts serving MCP on a stdin/stdout pair; returns at once. Nothing else may write to {@code out}.
     * The session ends when {@code in} ends.
     */
    public ServerSession serveStdio(InputStream in, OutputStream out) {
        return assembly.startStdio(requireNonNull(in, "in"), requireNonNull(out, "out"));
    }

    /** The jar's version (from its manifest), or {@code "dev"} when run from classes. */
    public static String version() {
        String v = RedStreamMcpServer.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Collects tools and exception mappings. Not thread-safe. */
    public static final class Builder {

        private final ServerConfig config;
        private final List<ToolSpec> tools = new ArrayList<>();
        private ErrorMapper errors = ErrorMapper.defaults();
        private CallerResolver callers = CallerResolver.NONE;

        private Builder(ServerConfig config) {
            this.config = requireNonNull(config, "config");
        }

        public Builder tool(ToolSpec tool) {
            tools.add(requireNonNull(tool, "tool"));
            return this;
        }

        public Builder tools(Collection<ToolSpec> tools) {
            tools.forEach(this::tool);
            return this;
        }

        /**
         * Reports exceptions of {@code type} (and subclasses) as {@code code} with their message, which
         * must then be written for callers. Later mappings take precedence over earlier ones.
         */
        public Builder mapException(Class<? extends Throwable> type, ErrorCode code) {
            errors = errors.with(type, code);
            return this;
        }

        /**
         * Like {@link #mapException(Class, ErrorCode)}, for exceptions that carry their own category:
         * {@code code} picks the code of each one.
         */
        public <T extends Throwable> Builder mapException(Class<T> type, Function<? super T, ErrorCode> code) {
            errors = errors.with(type, code);
            return this;
        }

        /** Who is calling, resolved before every call (authentication); default: nobody is resolved. */
        public Builder callerResolver(CallerResolver callers) {
            this.callers = requireNonNull(callers, "callers");
            return this;
        }

        public RedStreamMcpServer build() {
            return new RedStreamMcpServer(this);
        }
    }
}
