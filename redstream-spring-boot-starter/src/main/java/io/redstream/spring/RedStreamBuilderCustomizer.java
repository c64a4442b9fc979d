package io.redstream.spring;

import io.redstream.core.RedStream;

/**
 * Adjusts the {@link RedStream.Builder} the auto-configuration prepared from {@code redstream.*} properties, before
 * the client is built: for builder options that have no property ({@code limits}, {@code clock},
 * {@code sslContext}, ...). Every bean of this type is applied, in {@link org.springframework.core.Ordered} order.
 *
 * <pre>{@code
 * @Bean
 * RedStreamBuilderCustomizer redStreamTls(SSLContext sslContext) {
 *     return builder -> builder.sslContext(sslContext);
 * }
 * }</pre>
 *
 * <p>Called once, on the thread that creates the {@code RedStream} bean.
 */
@FunctionalInterface
public interface RedStreamBuilderCustomizer {

    /**
     * Changes {@code builder} in place. Runs after the properties are applied, so a value set here wins over the
     * property; an invalid value fails the start.
     *
     * @param builder the builder of the {@code RedStream} bean, already holding the configured properties
     */
    void customize(RedStream.Builder builder);
}
