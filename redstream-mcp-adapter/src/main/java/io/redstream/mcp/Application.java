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

    @Override
    default void close() {
    }
}
