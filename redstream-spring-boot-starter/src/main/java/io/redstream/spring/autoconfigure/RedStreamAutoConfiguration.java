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
@ConditionalOnClass(RedStream.class)
@EnableConfigurationProperties(RedStreamProperties.class)
public class RedStreamAutoConfiguration {

    /** The client; a standalone client connects lazily, so the application starts while Redis is still down. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public RedStream redStream(RedStreamProperties properties, Environment environment,
            ObjectProvider<MeterRegistry> meterRegistry, ObjectProvider<ObservationRegistry> observationRegistry,
            ObjectProvider<RedStreamBuilderCustomizer> customizers) {
        return new RedStreamClientFactory(properties, environment).create(meterRegistry.getIfAvailable(),
                observationRegistry.getIfAvailable(), customizers.orderedStream().toList());
    }

    /** Finds {@code @RedStreamListener} methods; static so that it is created before the beans it inspects. */
    @Bean
    @ConditionalOnMissingBean
    public static RedStreamListenerRegistrar redStreamListenerRegistrar() {
        return new RedStreamListenerRegistrar();
    }

    /** Starts a consumer per listener method with the context and stops them gracefully. */
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
