package io.redstream.core.observation;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.List;

/**
 * A real tracer for tests, wired as Spring Boot wires one: the OpenTelemetry SDK through Micrometer Tracing's bridge,
 * W3C trace-context propagation, the propagating sender/receiver handlers before the default one, and an in-memory
 * exporter that keeps every finished span.
 */
final class W3cTracing implements AutoCloseable {
    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder().setSampler(Sampler.alwaysOn())
            .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    private final OtelTracer tracer;
    private final ObservationRegistry registry = ObservationRegistry.create();

    W3cTracing() {
        io.opentelemetry.api.trace.Tracer otel = provider.get("redstream-test");
        OtelCurrentTraceContext current = new OtelCurrentTraceContext();
        this.tracer = new OtelTracer(otel, current, event -> { }, new OtelBaggageManager(current, List.of(),
                List.of()));
        OtelPropagator propagator = new OtelPropagator(
                ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);
        registry.observationConfig().observationHandler(new FirstMatchingCompositeObservationHandler(
                new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
                new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
                new DefaultTracingObservationHandler(tracer)));
    }

    ObservationRegistry registry() {
        return registry;
    }

    Tracer tracer() {
        return tracer;
    }

    List<SpanData> spans() {
        return exporter.getFinishedSpanItems();
    }

    SpanData span(String name) {
        return spans().stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no finished span '" + name + "' among " + spans().stream()
                        .map(SpanData::getName).toList()));
    }

    @Override
    public void close() {
        provider.close();
    }
}
