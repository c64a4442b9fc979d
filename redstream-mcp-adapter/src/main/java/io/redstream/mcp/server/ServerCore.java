package io.redstream.mcp.server;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.slf4j.LoggerFactory;

import io.redstream.auth.AuthMethod;
import io.redstream.auth.Principal;
import io.redstream.core.Redaction;
import io.redstream.mcp.ServerConfig;
import io.redstream.mcp.tool.CallerResolver;
import io.redstream.mcp.tool.ToolCatalog;
import io.redstream.mcp.tool.ToolInvoker;
import io.redstream.mcp.tool.ToolSchemas;
import io.redstream.mcp.tool.ToolSettings;
import io.redstream.mcp.tool.WaitingCapacity;
import io.redstream.mcp.tools.Tools;
import reactor.core.publisher.Hooks;

/**
 * What every transport serves: identity, the Redis connection, the tool catalog and the waiting capacity, made
 * from one {@link ServerConfig}. A transport adds only who the caller of a call is ({@link #invoker}). Thread-safe;
 * {@link #close()} is idempotent.
 */
public final class ServerCore implements AutoCloseable {

    /** {@code _source} of messages published by a server whose caller has no usable subject. */
    public static final String DEFAULT_IDENTITY = "redstream-mcp";

    /** Room a call has beyond the longest wait it may ask for, before a stopping server gives up on it. */
    static final Duration DRAIN_MARGIN = Duration.ofSeconds(10);

    private static final Pattern IDENTITY = Pattern.compile("[A-Za-z0-9_.:@-]{1,128}");

    private final ServerConfig config;
    private final Identity identity;
    private final RedisConnection redis;
    private final ToolSettings settings;
    private final ToolCatalog catalog;
    private final WaitingCapacity waiting;
    private final CallerViews views;
    private ServerParticipant participant;
    private volatile boolean closed;

    /**
     * @param publisher the caller whose subject is written as {@code _source} (null: the server's own name)
     * @throws StartupException when the configuration cannot work
     */
    private ServerCore(ServerConfig config, Identity identity, Principal publisher) {
        this.config = config;
        // An error Reactor cannot deliver (the call it belonged to was cancelled) is logged redacted, on one line.
        Hooks.onErrorDropped(e -> LoggerFactory.getLogger(ServerCore.class).debug("dropped after its call ended: {}",
                Redaction.describe(e)));
        this.identity = identity;
        this.redis = new RedisConnection(config, publisherIdentity(publisher));
        this.settings = new ToolSettings(config.limits(), config.defaultTtlSeconds(), config.maxResultBytes(),
                identity.policy().naming().namespace());
        this.catalog = ToolCatalog.of(Tools.all(redis), ToolSchemas.load(settings), config.toolsets(),
                config.readOnly());
        this.waiting = new WaitingCapacity(config.maxWaitingCalls());
        this.views = new CallerViews(redis, identity.policy());
    }

    /** A core whose published messages carry {@code publisher}'s subject (stdio: the one caller). */
    public static ServerCore of(ServerConfig config, Identity identity, Principal publisher) {
        return new ServerCore(config, identity, publisher);
    }

    /** A tool invoker whose calls are made by whoever {@code callers} names. */
    public ToolInvoker invoker(CallerResolver callers) {
        return new ToolInvoker(catalog, settings, callers, views, waiting);
    }

    /**
     * Connects to Redis in the background and, unless the server is read-only, starts taking part as an agent
     * ({@link ServerParticipant}: a heartbeat, and {@code started}/{@code stopped} events).
     *
     * @param transport {@code stdio} or {@code http}, as the participant's events show it
     */
    public synchronized void start(String transport) {
        redis.start();
        if (!config.readOnly() && participant == null && !closed) {
            participant = new ServerParticipant(redis, transport);
            participant.start();
        }
    }

    public ServerConfig config() {
        return config;
    }

    public Identity identity() {
        return identity;
    }

    public RedisConnection redis() {
        return redis;
    }

    public ToolCatalog catalog() {
        return catalog;
    }

    /** How long a stopping server waits for calls in flight: the longest wait a call may ask for, plus a margin. */
    public Duration drainTimeout() {
        return config.limits().maxBlock().plus(DRAIN_MARGIN);
    }

    /** Room for a full {@code redis_multi} of maximal values, and never less than 16 MiB. */
    public int maxRequestBytes() {
        long needed = (long) config.limits().maxTransactionOperations() * config.limits().maxValueBytes() + (1 << 20);
        return (int) Math.min(Integer.MAX_VALUE - 16, Math.max(16 << 20, needed));
    }

    /** Ends waiting calls and closes Redis. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        waiting.close();
        ServerParticipant p;
        synchronized (this) {
            p = participant;
        }
        if (p != null) {
            p.close();
        }
        redis.close();
    }

    /** The caller's subject when it can be one (it is written as {@code _source}). */
    static String publisherIdentity(Principal caller) {
        if (caller == null || caller.method() instanceof AuthMethod.Local) {
            return DEFAULT_IDENTITY;
        }
        return IDENTITY.matcher(caller.subject()).matches() ? caller.subject() : DEFAULT_IDENTITY;
    }
}
