package io.redstream.mcp.redis;

import java.util.List;
import java.util.regex.Pattern;

import io.redstream.auth.Principal;
import io.redstream.core.RedStreamException;
import io.redstream.mcp.Application;
import io.redstream.mcp.RedStreamMcpServer;
import io.redstream.mcp.ServerConfig;
import io.redstream.mcp.StartupException;
import io.redstream.mcp.tools.ErrorCode;
import io.redstream.mcp.tools.ToolSpec;

/**
 * The production server: the 18 Redis tools over RedStream core, every call authenticated and
 * authorized with redstream-auth, on the configured Redis or an embedded one.
 *
 * <p>Created once per process; {@link #close()} disconnects and stops the embedded Redis.
 */
public final class RedisApplication implements Application {

    /** {@code _source} of messages published through a server with no authenticated caller. */
    public static final String DEFAULT_IDENTITY = "redstream-mcp";

    private static final Pattern IDENTITY = Pattern.compile("[A-Za-z0-9_.:@-]{1,128}");

    private final Callers callers;
    private final List<ToolSpec> tools;

    private RedisApplication(Callers callers, List<ToolSpec> tools) {
        this.callers = callers;
        this.tools = tools;
    }

    /**
     * Reads the key files and the policy, and starts connecting to Redis (in the background).
     *
     * @throws StartupException when the configuration cannot work
     */
    public static RedisApplication start(ServerConfig config) {
        Callers.Identity identity;
        try {
            identity = Callers.configure(config);
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage());
        }
        Principal caller = identity.startupPrincipal();
        RedisBackend backend = RedisBackend.start(config, publisherIdentity(caller));
        Callers callers = identity.bind(backend);
        return new RedisApplication(callers, RedisTools.all(new ToolKit(config, callers)));
    }

    /** The stdio caller's subject when it can be one (it is written as {@code _source}). */
    static String publisherIdentity(Principal caller) {
        if (caller == null || caller.method() instanceof io.redstream.auth.AuthMethod.Local) {
            return DEFAULT_IDENTITY;
        }
        return IDENTITY.matcher(caller.subject()).matches() ? caller.subject() : DEFAULT_IDENTITY;
    }

    public List<ToolSpec> tools() {
        return tools;
    }

    @Override
    public void configure(RedStreamMcpServer.Builder server) {
        server.tools(tools)
                .callerResolver(callers)
                // A safety net: handlers translate core exceptions themselves (with hints).
                .mapException(RedStreamException.class, e -> ErrorCode.valueOf(e.code().name()));
    }

    @Override
    public void serving() {
        callers.backend().start();
    }

    @Override
    public void close() {
        callers.backend().close();
    }
}
