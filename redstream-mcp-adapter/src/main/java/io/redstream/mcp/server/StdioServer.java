package io.redstream.mcp.server;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.function.Consumer;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.redstream.mcp.ServerConfig;
import io.redstream.mcp.tool.ToolCatalog;
import io.redstream.mcp.transport.StdioTransport;

/**
 * A running MCP server on stdin/stdout: the {@link ServerCore} and the stdio transport, started together and
 * stopped together. It answers {@code initialize} and {@code tools/list} before Redis is connected (connecting
 * runs in the background). Thread-safe; {@link #close()} is idempotent.
 */
public final class StdioServer implements AutoCloseable {

    private final ServerCore core;
    private final StdioTransport transport;
    private final McpAsyncServer server;
    private volatile boolean closed;

    private StdioServer(ServerConfig config, InputStream in, OutputStream out, Consumer<String> warn) {
        Identity identity = Identity.of(config);
        this.core = ServerCore.of(config, identity, identity.startupCaller(warn));
        McpJsonMapper json = McpServers.jsonMapper();
        this.transport = new StdioTransport(in, out, json, core.maxRequestBytes(), core.drainTimeout());
        this.server = McpServers.build(transport, core.invoker(identity.stdioCallers()), json, CallObserver.NONE);
    }

    /**
     * Starts serving: reads requests from {@code in}, answers on {@code out} (which nothing else may write to),
     * then connects to Redis in the background.
     *
     * @param warn where start-up warnings a person should read go (stderr)
     * @throws StartupException when the configuration cannot work
     */
    public static StdioServer start(ServerConfig config, InputStream in, OutputStream out, Consumer<String> warn) {
        requireNonNull(config, "config");
        StdioServer s = new StdioServer(config, requireNonNull(in, "in"), requireNonNull(out, "out"),
                requireNonNull(warn, "warn"));
        s.transport.start();
        s.core.start("stdio");
        return s;
    }

    /** The tools as served. */
    public ToolCatalog catalog() {
        return core.catalog();
    }

    /** Blocks until input ended and every request read has been answered. */
    public void awaitEndOfInput() throws InterruptedException {
        transport.awaitEnd();
    }

    /**
     * Stops taking requests, lets the calls in flight finish (at most the longest wait a call may ask for, plus a
     * margin), then closes the session and Redis. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        transport.stop(core.drainTimeout());
        server.closeGracefully().block(Duration.ofSeconds(5));
        core.close();
    }

    /** Calls in flight right now. */
    public int inFlight() {
        return transport.inFlight();
    }
}
