package io.redstream.mcp.server;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.regex.Pattern;


import org.slf4j.LoggerFactory;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.redstream.auth.AuthMethod;
import io.redstream.auth.Principal;
import io.redstream.core.Redaction;
import io.redstream.mcp.ServerConfig;
import io.redstream.mcp.tool.ToolCatalog;
import io.redstream.mcp.tool.ToolInvoker;
import io.redstream.mcp.tool.ToolSchemas;
import io.redstream.mcp.tool.ToolSettings;
import io.redstream.mcp.tool.WaitingCapacity;
import io.redstream.mcp.tools.Tools;
import io.redstream.mcp.transport.StdioTransport;
import reactor.core.publisher.Hooks;

/**
 * A running MCP server on stdin/stdout: identity, Redis connection, tools and transport, started together and
 * stopped together. It answers {@code initialize} and {@code tools/list} before Redis is connected (connecting
 * runs in the background). Thread-safe; {@link #close()} is idempotent.
 */
public final class StdioServer implements AutoCloseable {

    /** {@code _source} of messages published by a server whose caller has no usable subject. */
    public static final String DEFAULT_IDENTITY = "redstream-mcp";

    /** Room a call has beyond the longest wait it may ask for, before end of input gives up on it. */
    static final Duration DRAIN_MARGIN = Duration.ofSeconds(10);

    private static final Pattern IDENTITY = Pattern.compile("[A-Za-z0-9_.:@-]{1,128}");

    private final ServerConfig config;
    private final RedisConnection redis;
    private final WaitingCapacity waiting;
    private final StdioTransport transport;
    private final McpAsyncServer server;
    private final ToolCatalog catalog;
    private volatile boolean closed;

    private StdioServer(ServerConfig config, InputStream in, OutputStream out, Consumer<String> warn) {
        this.config = config;
        // An error Reactor cannot deliver (the call it belonged to was cancelled) is logged redacted, on one line.
        Hooks.onErrorDropped(e -> LoggerFactory.getLogger(StdioServer.class).debug("dropped after its call ended: {}",
                Redaction.describe(e)));
        Identity identity = Identity.of(config);
        Principal caller = identity.startupCaller(warn);
        this.redis = new RedisConnection(config, publisherIdentity(caller));
        ToolSettings settings = new ToolSettings(config.limits(), config.defaultTtlSeconds(), config.maxResultBytes(),
                identity.policy().naming().namespace());
        this.catalog = ToolCatalog.of(Tools.all(redis), ToolSchemas.load(settings), config.toolsets(),
                config.readOnly());
        this.waiting = new WaitingCapacity(config.maxWaitingCalls());
        ToolInvoker invoker = new ToolInvoker(catalog, settings, identity.stdioCallers(),
                new CallerViews(redis, identity.policy()), waiting);
        McpJsonMapper json = McpServers.jsonMapper();
        this.transport = new StdioTransport(in, out, json, maxRequestBytes(config), drainTimeout(config));
        this.server = McpServers.build(transport, invoker, json);
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
        s.redis.start();
        return s;
    }

    /** The tools as served. */
    public ToolCatalog catalog() {
        return catalog;
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
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        transport.stop(drainTimeout(config));
        server.closeGracefully().block(Duration.ofSeconds(5));
        waiting.close();
        redis.close();
    }

    /** Calls in flight right now. */
    public int inFlight() {
        return transport.inFlight();
    }

    static Duration drainTimeout(ServerConfig config) {
        return config.limits().maxBlock().plus(DRAIN_MARGIN);
    }

    /** Room for a full {@code redis_multi} of maximal values, and never less than 16 MiB. */
    static int maxRequestBytes(ServerConfig config) {
        long needed = (long) config.limits().maxTransactionOperations() * config.limits().maxValueBytes() + (1 << 20);
        return (int) Math.min(Integer.MAX_VALUE - 16, Math.max(16 << 20, needed));
    }

    /** The stdio caller's subject when it can be one (it is written as {@code _source}). */
    static String publisherIdentity(Principal caller) {
        if (caller == null || caller.method() instanceof AuthMethod.Local) {
            return DEFAULT_IDENTITY;
        }
        return IDENTITY.matcher(caller.subject()).matches() ? caller.subject() : DEFAULT_IDENTITY;
    }

}
