package io.redstream.spring.internal;

import io.redstream.spring.RedStreamConfigurationException;
import java.util.function.Supplier;

/**
 * Applies one property to a core builder and turns the builder's {@link IllegalArgumentException} (whose message
 * already states the rule and the value) into a {@link RedStreamConfigurationException} naming the property.
 */
final class PropertyCheck {
    static final String MASK = "******";

    private PropertyCheck() {
    }

    static <T> T apply(String property, Object value, Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw new RedStreamConfigurationException(property, e.getMessage(), value == null ? null
                    : String.valueOf(value), e);
        }
    }

    static void run(String property, Object value, Runnable step) {
        apply(property, value, () -> {
            step.run();
            return null;
        });
    }
}
