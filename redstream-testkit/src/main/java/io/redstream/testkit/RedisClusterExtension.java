package io.redstream.testkit;

import static java.util.Objects.requireNonNull;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that injects one {@link RedisClusterProcess} (3 masters) shared by every test in
 * the JVM.
 *
 * <pre>{@code
 * @ExtendWith(RedisClusterExtension.class)
 * class MyClusterIT {
 *   @BeforeEach void clean(RedisClusterProcess cluster) { cluster.flushAll(); }
 *   @Test void publish_worksOnCluster(RedisClusterProcess cluster) { ... cluster.nodes() ... }
 * }
 * }</pre>
 *
 * <p>Any constructor, lifecycle or test method parameter of type {@code RedisClusterProcess} is
 * resolved. The cluster starts on first use (about two seconds) and lives in the root
 * {@link ExtensionContext.Store}, which closes it after the last test of the run.
 *
 * <p><b>Sharing rules.</b> As for {@link RedisServerExtension}: clean your keys, never close the shared
 * cluster, and start a private {@link RedisClusterProcess} for tests that kill or restart nodes
 * (a shared cluster is not repaired).
 *
 * <p>Can be combined with {@link RedisServerExtension} on one class, e.g. to run one contract suite
 * against both topologies. Thread-safe: concurrent resolution starts the cluster once.
 */
public final class RedisClusterExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RedisClusterExtension.class);
    private static final String KEY = "shared-redis-cluster";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RedisClusterProcess.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared(context);
    }

    /** The JVM-wide shared cluster, started if needed. */
    public static RedisClusterProcess shared(ExtensionContext context) {
        requireNonNull(context, "context");
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(KEY, key -> RedisClusterProcess.start(), RedisClusterProcess.class);
    }
}
