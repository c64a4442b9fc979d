package io.redstream.mcp;

/**
 * What a server process serves: it adds its tools, exception mappings and caller resolution to the
 * server, and owns whatever must run alongside (a Redis connection, an embedded Redis) until
 * {@link #close()}. Created by {@link Main} from the {@link ServerConfig}; closed once the session
 * ended, also on SIGTERM. {@link #close()} must be idempotent.
 */
@FunctionalInterface
public interface Application extends AutoCloseable {

    void configure(RedStreamMcpServer.Builder server);

    /**
     * Called once the server is serving: the place to start slow work (connecting to Redis) without
     * delaying the handshake and {@code tools/list}.
     */
    default void serving() {
    }

    @Override
    default void close() {
    }
}
