package io.redstream.spring.internal;

import io.redstream.core.consumer.ConsumerSettings;
import io.redstream.spring.RedStreamConfigurationException;
import java.time.Duration;
import java.util.function.Consumer;
import org.springframework.boot.convert.DurationStyle;

/**
 * Turns the resolved attributes of one listener into {@link ConsumerSettings}. Parsing (a whole number, a duration)
 * happens here; the ranges are core's, and a rejection names the method and the attribute.
 */
final class ListenerSettings {
    private ListenerSettings() {
    }

    static ConsumerSettings of(ListenerEndpoint endpoint, String defaultConsumer) {
        for (String required : new String[] {"stream", "group"}) {
            if (endpoint.attribute(required) == null) {
                throw error(endpoint, required, "must not be empty", "", null);
            }
        }
        String consumer = endpoint.attribute("consumer") != null ? endpoint.attribute("consumer") : defaultConsumer;
        ConsumerSettings.Builder b = ConsumerSettings.builder(endpoint.attribute("stream"), endpoint.attribute("group"),
                consumer);
        number(endpoint, "concurrency", b::concurrency);
        number(endpoint, "maxInFlight", b::maxInFlight);
        number(endpoint, "batchSize", b::batchSize);
        number(endpoint, "maxDeliveries", b::maxDeliveries);
        duration(endpoint, "block", b::block);
        duration(endpoint, "retryDelay", b::retryDelay);
        duration(endpoint, "maxRetryDelay", b::maxRetryDelay);
        duration(endpoint, "claimInterval", b::claimInterval);
        duration(endpoint, "claimMinIdle", b::claimMinIdle);
        duration(endpoint, "closeTimeout", b::closeTimeout);
        duration(endpoint, "maxBackoff", b::maxBackoff);
        String startId = endpoint.attribute("startId");
        if (startId != null) {
            check(endpoint, "startId", startId, () -> b.startId(startId));
        }
        return check(endpoint, "(settings)", null, b::build);
    }

    private static void number(ListenerEndpoint endpoint, String attribute, java.util.function.IntConsumer setter) {
        String raw = endpoint.attribute(attribute);
        if (raw == null) {
            return;
        }
        int value;
        try {
            value = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw error(endpoint, attribute, "must be a whole number", raw, e);
        }
        check(endpoint, attribute, raw, () -> setter.accept(value));
    }

    private static void duration(ListenerEndpoint endpoint, String attribute, Consumer<Duration> setter) {
        String raw = endpoint.attribute(attribute);
        if (raw == null) {
            return;
        }
        Duration value;
        try {
            value = DurationStyle.detectAndParse(raw);
        } catch (IllegalArgumentException e) {
            throw error(endpoint, attribute, "must be a duration such as 500ms, 2s or PT1M", raw, e);
        }
        check(endpoint, attribute, raw, () -> setter.accept(value));
    }

    private static void check(ListenerEndpoint endpoint, String attribute, String raw, Runnable step) {
        check(endpoint, attribute, raw, () -> {
            step.run();
            return null;
        });
    }

    private static <T> T check(ListenerEndpoint endpoint, String attribute, String raw,
            java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw error(endpoint, attribute, e.getMessage(), raw, e);
        }
    }

    static RedStreamConfigurationException error(ListenerEndpoint endpoint, String attribute, String rule, String raw,
            Throwable cause) {
        return new RedStreamConfigurationException("@RedStreamListener method " + endpoint.description()
                + " attribute " + attribute, rule, raw, cause);
    }

}
