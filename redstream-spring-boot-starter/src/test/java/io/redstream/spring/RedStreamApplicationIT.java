package io.redstream.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.redstream.core.RedStream;
import io.redstream.core.stream.DeadLetterFields;
import io.redstream.core.stream.MessageFields;
import io.redstream.core.stream.StreamEntry;
import io.redstream.spring.app.TestApplication;
import io.redstream.testkit.RedisServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real Boot application on a random port against a real Redis: publish through the {@link RedStream} bean,
 * receive in an annotated listener within the producer's trace, dead-letter a failing entry, read the
 * {@code redstream} health component and the meters over HTTP.
 */
@ExtendWith(RedStreamApplicationIT.StopRedisLast.class) // declared first, so it runs after Spring closed the context
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=it-app", "management.endpoint.health.show-details=always",
                "management.endpoints.web.exposure.include=health,metrics",
                "management.tracing.sampling.probability=1.0",
                "management.opentelemetry.tracing.export.schedule-delay=50ms"})
@AutoConfigureTracing
@DirtiesContext
class RedStreamApplicationIT {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final RedisServerProcess REDIS = RedisServerProcess.start();

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("redstream.redis-uri", REDIS::uri);
    }

    /** The listeners stop with the context; Redis must outlive them so they can flush their acknowledgements. */
    static final class StopRedisLast implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) {
            REDIS.close();
        }
    }
    @LocalServerPort
    int port;
    @Autowired
    RedStream rs;
    @Autowired
    TestApplication.Jobs jobs;
    @Autowired
    Tracer tracer;
    @Autowired
    InMemorySpanExporter spans;
    @Autowired
    MeterRegistry meters;

    @Test
    void publish_throughTheBean_isHandledByTheListenerInTheSameTrace() {
        Span producer = tracer.nextSpan().name("http request").start();
        String id;
        try (Tracer.SpanInScope ignored = tracer.withSpan(producer)) {
            id = rs.publish(TestApplication.Jobs.STREAM, Map.of("job", "resize", "size", 3));
        } finally {
            producer.end();
        }

        await().atMost(WAIT).until(() -> jobs.handled.stream().anyMatch(h -> h.entry().id().equals(id)));
        TestApplication.Handled handled = jobs.handled.stream().filter(h -> h.entry().id().equals(id)).findFirst()
                .orElseThrow();
        String traceId = producer.context().traceId();
        assertThat(handled.entry().values()).containsEntry("job", "resize").containsEntry("size", 3);
        assertThat(handled.entry().source()).isEqualTo("it-app");
        assertThat(handled.entry().traceId()).isEqualTo(traceId);
        assertThat(handled.entry().get(MessageFields.TRACEPARENT)).startsWith("00-" + traceId + "-");
        assertThat(handled.traceId()).isEqualTo(traceId);

        await().atMost(WAIT).until(() -> spans.getFinishedSpanItems().stream()
                .anyMatch(s -> s.getName().equals("process " + TestApplication.Jobs.STREAM)
                        && s.getTraceId().equals(traceId)));
        List<SpanData> trace = spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId))
                .toList();
        SpanData send = trace.stream().filter(s -> s.getName().equals("send " + TestApplication.Jobs.STREAM))
                .findFirst().orElseThrow();
        SpanData process = trace.stream().filter(s -> s.getName().equals("process " + TestApplication.Jobs.STREAM))
                .findFirst().orElseThrow();
        assertThat(send.getParentSpanId()).isEqualTo(producer.context().spanId());
        assertThat(process.getParentSpanId()).isEqualTo(send.getSpanId());
        assertThat(handled.spanId()).isEqualTo(process.getSpanId());
    }

    @Test
    void failingListener_retriesThenDeadLetters() {
        String id = rs.publish(TestApplication.Flaky.STREAM, Map.of("n", "7"));

        String dlq = TestApplication.Flaky.STREAM + ":dlq";
        await().atMost(WAIT).until(() -> rs.streams().length(dlq) == 1);
        StreamEntry dead = rs.streams().latest(dlq, 1).get(0);
        assertThat(dead.get(DeadLetterFields.ORIGINAL_ID)).isEqualTo(id);
        assertThat(dead.get(DeadLetterFields.REASON)).contains("IllegalStateException").contains("cannot handle 7");
        assertThat(dead.get(DeadLetterFields.DELIVERIES)).isEqualTo("2");
    }

    @Test
    void health_isServedAsTheRedstreamComponent() throws Exception {
        HttpResponse<String> response = get("/actuator/health/redstream");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"").contains("\"redisVersion\"")
                .contains("\"topology\":\"standalone\"");
    }

    @Test
    void meters_ofOperationsAndObservations_areInBootsRegistry() throws Exception {
        rs.publish(TestApplication.Jobs.STREAM, Map.of("job", "count me"));
        await().atMost(WAIT).until(() -> meters.find("redstream.process").timer() != null);

        assertThat(meters.find("redstream.publish").tag("messaging.destination.name", TestApplication.Jobs.STREAM)
                .timer()).isNotNull();
        assertThat(meters.find("redstream.operation").tag("operation", "stream.publish").timer()).isNotNull();
        HttpResponse<String> response = get("/actuator/metrics/redstream.process");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("messaging.consumer.group.name");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
