package io.redstream.spring.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.redstream.core.RedStream;
import io.redstream.spring.RedStreamBuilderCustomizer;
import io.redstream.spring.RedStreamProperties;
import io.redstream.spring.internal.ConsumerNames;
import io.redstream.spring.internal.RedStreamClientFactory;
import io.redstream.spring.internal.RedStreamListenerContainer;
import io.redstream.spring.internal.RedStreamListenerRegistrar;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The {@link RedStream} client from {@code redstream.*} properties — with the application's {@code MeterRegistry}
 * and {@code ObservationRegistry} when it has them — closed with the context, and the managed consumers of
 * {@link io.redstream.spring.RedStreamListener} methods. Every bean backs off when the application defines its own.
 * See {@code docs/spring-boot.md}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
/**
 * The {@link RedStream} client from {@code redstream.*} properties — with the application's {@code MeterRegistry}
 * and {@code ObservationRegistry} when it has them — closed with the context, and the managed consumers of
 * {@link io.redstream.spring.RedStreamListener} methods. Every bean backs off when the application defines its own.
 * See {@code docs/spring-boot.md}.
 *
 * <pre>{@code
 * // application.properties: redstream.redis-uri=redis://localhost:6379
 * @Service
 * class Tasks {
 *     private final RedStream redStream;                      // the auto-configured client
 *     Tasks(RedStream redStream) { this.redStream = redStream; }
 *     void create(String title) { redStream.publish("nova:task:boomerang:tasks", Map.of("title", title)); }
 * }
 * }</pre>
 *
 * <p>Applies when {@code redstream-core} is on the classpath; registered through
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}.
 */
@ConditionalOnClass(RedStream.class)
@EnableConfigurationProperties(RedStreamProperties.class)
public class RedStreamAutoConfiguration {

    /** Created by Spring Boot when the auto-configuration applies; not for direct use. */
    public RedStreamAutoConfiguration() {
    }

    /**
     * The client; a standalone client connects lazily, so the application starts while Redis is still down. Closed
     * when the context closes.
     *
     * @param properties          the bound {@code redstream.*} properties
     * @param environment         supplies {@code spring.application.name} as the default identity
     * @param meterRegistry       the application's meter registry, if any, for the client's metrics
     * @param observationRegistry the application's observation registry, if any, for tracing
     * @param customizers         every {@link RedStreamBuilderCustomizer} bean, applied in order after the properties
     * @return the client
     * @throws io.redstream.spring.RedStreamConfigurationException when a property is invalid, naming it
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public RedStream redStream(RedStreamProperties properties, Environment environment,
            ObjectProvider<MeterRegistry> meterRegistry, ObjectProvider<ObservationRegistry> observationRegistry,
            ObjectProvider<RedStreamBuilderCustomizer> customizers) {
        return new RedStreamClientFactory(properties, environment).create(meterRegistry.getIfAvailable(),
                observationRegistry.getIfAvailable(), customizers.orderedStream().toList());
    }

    /**
     * Finds {@code @RedStreamListener} methods; static so that it is created before the beans it inspects.
     *
     * @return the registrar, a bean post-processor
     */
    @Bean
    @ConditionalOnMissingBean
    public static RedStreamListenerRegistrar redStreamListenerRegistrar() {
        return new RedStreamListenerRegistrar();
    }

    /**
     * Starts a consumer per listener method with the context and stops them gracefully.
     *
     * @param registrar   the registrar that found the listener methods
     * @param client      the client the consumers run on, looked up only when there is a listener to start
     * @param properties  the bound properties ({@code redstream.listener.*} and the identity)
     * @param environment supplies {@code spring.application.name} as the default identity
     * @return the container, a {@link org.springframework.context.SmartLifecycle}
     * @throws io.redstream.spring.RedStreamConfigurationException when {@code redstream.listener.instance-id} is
     *                                                             invalid
     */
    @Bean
    @ConditionalOnMissingBean
    public RedStreamListenerContainer redStreamListenerContainer(RedStreamListenerRegistrar registrar,
            ObjectProvider<RedStream> client, RedStreamProperties properties, Environment environment) {
        String identity = new RedStreamClientFactory(properties, environment).identity();
        return new RedStreamListenerContainer(registrar, client::getObject,
                ConsumerNames.defaultConsumer(identity, properties.getListener().getInstanceId()),
                properties.getListener().isAutoStartup());
    }
}
