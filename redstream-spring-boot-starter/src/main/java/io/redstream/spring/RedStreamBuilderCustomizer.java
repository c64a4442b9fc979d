package io.redstream.spring;

import io.redstream.core.RedStream;

/**
 * Adjusts the {@link RedStream.Builder} the auto-configuration prepared from {@code redstream.*} properties, before
 * the client is built: for builder options that have no property ({@code limits}, {@code clock},
 * {@code sslContext}, ...). Every bean of this type is applied, in {@link org.springframework.core.Ordered} order.
 *
 * <p>Called once, on the thread that creates the {@code RedStream} bean.
 */
@FunctionalInterface
public interface RedStreamBuilderCustomizer {

    /** Changes {@code builder} in place. */
    void customize(RedStream.Builder builder);
}
