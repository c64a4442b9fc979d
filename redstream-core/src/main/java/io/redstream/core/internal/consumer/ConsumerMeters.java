package io.redstream.core.internal.consumer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.redstream.core.consumer.ConsumerSettings;
import io.redstream.core.consumer.ConsumerStats;
import io.redstream.core.consumer.StreamConsumer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Exposes a worker's counters as Micrometer meters tagged by stream, group and consumer: counters
 * {@code redstream.consumer.processed|failed|retried|deadlettered|claimed|deleted|acknowledged} and gauges
 * {@code redstream.consumer.inflight|lag}. Removed again when the worker closes.
 */
final class ConsumerMeters {
    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();

    ConsumerMeters(MeterRegistry registry, ConsumerSettings s, StreamConsumer consumer) {
        this.registry = registry;
        if (registry == null) {
            return;
        }
        Tags tags = Tags.of("stream", s.stream(), "group", s.group(), "consumer", s.consumer());
        counter("processed", consumer, st -> st.processed(), tags);
        counter("failed", consumer, st -> st.failed(), tags);
        counter("retried", consumer, st -> st.retried(), tags);
        counter("deadlettered", consumer, st -> st.deadLettered(), tags);
        counter("claimed", consumer, st -> st.claimed(), tags);
        counter("deleted", consumer, st -> st.deleted(), tags);
        counter("acknowledged", consumer, st -> st.acknowledged(), tags);
        meters.add(Gauge.builder("redstream.consumer.inflight", consumer, c -> c.stats().inFlight()).tags(tags)
                .register(registry));
        meters.add(Gauge.builder("redstream.consumer.lag", consumer, c -> c.stats().lag()).tags(tags)
                .register(registry));
    }

    private void counter(String name, StreamConsumer consumer, ToDoubleFunction<ConsumerStats> f, Tags tags) {
        meters.add(FunctionCounter.builder("redstream.consumer." + name, consumer, c -> f.applyAsDouble(c.stats()))
                .tags(tags).register(registry));
    }

    void remove() {
        if (registry != null) {
            meters.forEach(registry::remove);
        }
    }
}
