package io.redstream.testkit;

import static java.util.Objects.requireNonNull;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that injects one standalone {@link RedisServerProcess} shared by every test in the
 * JVM.
 *
 * <pre>{@code
 * @ExtendWith(RedisServerExtension.class)
 * class MyIT {
 *   @BeforeEach void clean(RedisServerProcess redis) { redis.flushAll(); }
 *   @Test void publish_appendsEntry(RedisServerProcess redis) { ... redis.uri() ... }
 * }
 * }</pre>
 *
 * <p>Any constructor, lifecycle or test method parameter of type {@code RedisServerProcess} is
 * resolved. The server starts on first use and lives in the root {@link ExtensionContext.Store}, which
 * closes it after the last test of the run; the JVM shutdown hook is the safety net.
 *
 * <p><b>Sharing rules.</b> Sharing keeps the suite fast but makes isolation the tests' job: clean your
 * keys ({@link RedisServerProcess#flushAll()} in {@code @BeforeEach}), or use unique key prefixes if
 * tests run in parallel. Do not close the shared server; a test that needs to kill, stop or reconfigure
 * a server should start its own with {@link RedisServerProcess#builder()}. As a courtesy, a shared
 * server found stopped or killed is restarted (same port) before it is handed out again.
 *
 * <p>Thread-safe: concurrent resolution starts the server once.
 */
public final class RedisServerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RedisServerExtension.class);
    private static final String KEY = "shared-redis-server";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RedisServerProcess.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared(context);
    }

    /**
     * The JVM-wide shared server, started if needed; for callers that want it outside parameter
     * injection (e.g. from another extension).
     *
     * @throws ParameterResolutionException if a test closed the shared server
     */
    public static RedisServerProcess shared(ExtensionContext context) {
        requireNonNull(context, "context");
        // The root store lives until the end of the run and closes AutoCloseable values when it does.
        RedisServerProcess server = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(KEY, key -> RedisServerProcess.start(), RedisServerProcess.class);
        synchronized (server) {
            if (server.isClosed()) {
                throw new ParameterResolutionException("the shared " + server + " was closed by a test;"
                        + " tests must not close the shared server, start their own with RedisServerProcess.builder()");
            }
            if (!server.isAlive()) {
                server.restart();
            }
        }
        return server;
    }
}
