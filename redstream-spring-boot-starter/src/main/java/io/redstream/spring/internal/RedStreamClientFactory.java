package io.redstream.spring.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.redstream.core.RedStream;
import io.redstream.core.naming.NamingPolicy;
import io.redstream.spring.RedStreamBuilderCustomizer;
import io.redstream.spring.RedStreamConfigurationException;
import io.redstream.spring.RedStreamProperties;
import java.time.Duration;
import java.util.List;
import org.springframework.core.env.Environment;

/**
 * Builds the {@link RedStream} bean from {@code redstream.*} properties, the application's registries and
 * customizers. Each property is handed to the core builder, which owns the rules; a rejection comes back as a
 * {@link RedStreamConfigurationException} that names the property.
 */
public final class RedStreamClientFactory {
    private final RedStreamProperties properties;
    private final Environment environment;

    /**
     * A factory over the bound properties.
     *
     * @param properties  the {@code redstream.*} properties
     * @param environment supplies {@code spring.application.name}
     */
    public RedStreamClientFactory(RedStreamProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /**
     * The identity: {@code redstream.identity}, else {@code spring.application.name}, else the core default.
     *
     * @return the identity, not yet validated
     */
    public String identity() {
        String id = properties.getIdentity();
        if (id == null || id.isBlank()) {
            id = environment.getProperty("spring.application.name");
        }
        return id == null || id.isBlank() ? RedStream.Builder.DEFAULT_IDENTITY : id;
    }

    /**
     * The naming policy of {@code redstream.namespace} and {@code redstream.domains} (the core default domains when
     * none are configured).
     *
     * @return the naming policy
     * @throws RedStreamConfigurationException naming the property the core builder rejected
     */
    public NamingPolicy naming() {
        NamingPolicy.Builder b = NamingPolicy.builder();
        PropertyCheck.run("redstream.namespace", properties.getNamespace(), () -> b.namespace(properties.getNamespace()));
        if (!properties.getDomains().isEmpty()) {
            PropertyCheck.run("redstream.domains", properties.getDomains(), () -> b.domains(properties.getDomains()));
        }
        return PropertyCheck.apply("redstream.namespace", properties.getNamespace(), b::build);
    }

    /**
     * Builds the client: every property handed to the core builder, then the registries, then the customizers.
     *
     * @param meterRegistry       the registry for the client's metrics, or null for none
     * @param observationRegistry the registry for tracing, or null for none
     * @param customizers         applied in list order, after the properties
     * @return the client; the caller closes it
     * @throws RedStreamConfigurationException naming the property that is invalid or conflicts with another (the
     *                                         password and the URI's password are never repeated)
     */
    public RedStream create(MeterRegistry meterRegistry, ObservationRegistry observationRegistry,
            List<RedStreamBuilderCustomizer> customizers) {
        RedStream.Builder b = RedStream.builder();
        String uri = properties.getRedisUri();
        List<String> nodes = properties.getClusterNodes();
        if (uri != null && !nodes.isEmpty()) {
            throw new RedStreamConfigurationException("redstream.redis-uri",
                    "redstream.redis-uri and redstream.cluster-nodes are exclusive: configure either a standalone Redis"
                            + " or a cluster", null);
        }
        if (uri != null) {
            // The builder's message shows the URI with its password masked; the raw value must not be repeated.
            PropertyCheck.run("redstream.redis-uri", null, () -> b.redisUri(uri));
        }
        if (!nodes.isEmpty()) {
            PropertyCheck.run("redstream.cluster-nodes", nodes, () -> b.clusterNodes(nodes.toArray(String[]::new)));
        }
        String identity = identity();
        String identitySource = properties.getIdentity() != null && !properties.getIdentity().isBlank()
                ? "redstream.identity" : "spring.application.name";
        PropertyCheck.run(identitySource, identity, () -> b.identity(identity));
        b.naming(naming());
        if (properties.getUser() != null) {
            PropertyCheck.run("redstream.user", properties.getUser(), () -> b.user(properties.getUser()));
        }
        if (properties.getPassword() != null) {
            b.password(properties.getPassword());
        }
        if (properties.getSsl() != null) {
            b.ssl(properties.getSsl());
        }
        PropertyCheck.run("redstream.pool-size", properties.getPoolSize(), () -> b.poolSize(properties.getPoolSize()));
        Duration connect = properties.getConnectTimeout();
        PropertyCheck.run("redstream.connect-timeout", connect, () -> b.connectTimeout(connect));
        Duration socket = properties.getSocketTimeout();
        PropertyCheck.run("redstream.socket-timeout", socket, () -> b.socketTimeout(socket));
        if (meterRegistry != null) {
            b.meterRegistry(meterRegistry);
        }
        if (observationRegistry != null) {
            b.observationRegistry(observationRegistry);
        }
        customizers.forEach(c -> c.customize(b));
        return b.build();
    }
}
