package io.redstream.spring.app;

import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.redstream.core.stream.StreamEntry;
import io.redstream.spring.RedStreamListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/** A small application with two listeners: one that records what it handled, one that always fails. */
@SpringBootApplication
public class TestApplication {

    /** Finished spans of Boot's OpenTelemetry tracer, kept in memory. */
    @Bean
    InMemorySpanExporter spanExporter() {
        return InMemorySpanExporter.create();
    }

    /** One handled entry and the trace the handler ran in (empty without a tracer). */
    public record Handled(StreamEntry entry, String traceId, String spanId) {
    }

    @Component
    public static class Jobs {
        public static final String STREAM = "nova:task:it:jobs";
        private final ObjectProvider<Tracer> tracer;
        public final List<Handled> handled = new CopyOnWriteArrayList<>();

        Jobs(ObjectProvider<Tracer> tracer) {
            this.tracer = tracer;
        }

        @RedStreamListener(stream = STREAM, group = "${jobs.group:workers}", concurrency = "2", block = "100ms")
        void handle(StreamEntry entry) {
            Tracer t = tracer.getIfAvailable();
            io.micrometer.tracing.Span span = t == null ? null : t.currentSpan();
            handled.add(new Handled(entry, span == null ? "" : span.context().traceId(),
                    span == null ? "" : span.context().spanId()));
        }
    }

    @Component
    public static class Flaky {
        public static final String STREAM = "nova:task:it:flaky";

        @RedStreamListener(stream = STREAM, group = "workers", maxDeliveries = "2", retryDelay = "10ms",
                maxRetryDelay = "20ms", block = "100ms")
        void handle(StreamEntry entry) {
            throw new IllegalStateException("cannot handle " + entry.get("n"));
        }
    }
}
