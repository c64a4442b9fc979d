package io.redstream.core.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.redstream.core.RedStream;
import io.redstream.core.consumer.ConsumerSettings;
import io.redstream.core.consumer.StreamConsumer;
import io.redstream.core.stream.BatcherSettings;
import io.redstream.core.stream.MessageFields;
import io.redstream.core.stream.PublishBatcher;
import io.redstream.core.stream.PublishOptions;
import io.redstream.core.stream.StreamEntry;
import io.redstream.testkit.RedisServerExtension;
import io.redstream.testkit.RedisServerProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One trace from a producer through a stream to a consumer's handler, with a real tracer (OpenTelemetry through
 * Micrometer Tracing, W3C propagation) on a real Redis.
 */
@ExtendWith(RedisServerExtension.class)
class TracePropagationIT {
    static final String STREAM = "nova:task:tracing:jobs";
    static final Duration WAIT = Duration.ofSeconds(20);

    private final RedisServerProcess redis;
    private W3cTracing tracing;
    private RedStream rs;

    TracePropagationIT(RedisServerProcess redis) {
        this.redis = redis;
    }

    @BeforeEach
    void connect() {
        redis.flushAll();
        tracing = new W3cTracing();
        rs = RedStream.builder().redisUri(redis.uri()).identity("tracing-suite")
                .observationRegistry(tracing.registry()).build();
    }

    @AfterEach
    void disconnect() {
        rs.close();
        tracing.close();
    }

    private StreamConsumer consume(List<String[]> seen, boolean failFirst) {
        ConsumerSettings settings = ConsumerSettings.builder(STREAM, "workers", "w1").block(Duration.ofMillis(100))
                .retryDelay(Duration.ofMillis(20)).maxRetryDelay(Duration.ofMillis(50)).build();
        Tracer tracer = tracing.tracer();
        return rs.consumer(settings, entry -> {
            Span current = tracer.currentSpan();
            seen.add(new String[] {current.context().traceId(), current.context().spanId(), entry.id()});
            if (failFirst && seen.size() == 1) {
                throw new IllegalStateException("first delivery fails");
            }
        });
    }

    @Test
    void publish_insideSpan_consumerHandlerRunsInTheSameTrace() {
        Span producer = tracing.tracer().nextSpan().name("producer").start();
        String id;
        try (Tracer.SpanInScope ignored = tracing.tracer().withSpan(producer)) {
            id = rs.publish(STREAM, Map.of("job", "resize"));
        } finally {
            producer.end();
        }
        StreamEntry stored = rs.streams().range(STREAM, id, id, 1).get(0);
        String traceId = producer.context().traceId();
        assertThat(stored.get(MessageFields.TRACEPARENT)).startsWith("00-" + traceId + "-");
        assertThat(stored.traceId()).isEqualTo(traceId);
        assertThat(stored.values()).containsOnlyKeys("job");

        List<String[]> seen = new CopyOnWriteArrayList<>();
        try (StreamConsumer ignored = consume(seen, false)) {
            await().atMost(WAIT).until(() -> tracing.spans().size() == 3);
        }
        SpanData send = tracing.span("send " + STREAM);
        SpanData process = tracing.span("process " + STREAM);
        assertThat(send.getTraceId()).isEqualTo(traceId);
        assertThat(send.getParentSpanId()).isEqualTo(producer.context().spanId());
        assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(process.getTraceId()).isEqualTo(traceId);
        assertThat(process.getParentSpanId()).isEqualTo(send.getSpanId());
        assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(stored.get(MessageFields.TRACEPARENT)).contains("-" + send.getSpanId() + "-");
        // The handler ran with the process span current, so whatever it does joins the trace.
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)[0]).isEqualTo(traceId);
        assertThat(seen.get(0)[1]).isEqualTo(process.getSpanId());

        assertThat(attribute(send, RedStreamObservations.MESSAGING_SYSTEM)).isEqualTo("redis");
        assertThat(attribute(send, RedStreamObservations.DESTINATION)).isEqualTo(STREAM);
        assertThat(attribute(send, RedStreamObservations.OPERATION_TYPE)).isEqualTo("send");
        assertThat(attribute(send, RedStreamObservations.MESSAGE_ID)).isEqualTo(id);
        assertThat(attribute(process, RedStreamObservations.MESSAGING_SYSTEM)).isEqualTo("redis");
        assertThat(attribute(process, RedStreamObservations.DESTINATION)).isEqualTo(STREAM);
        assertThat(attribute(process, RedStreamObservations.CONSUMER_GROUP)).isEqualTo("workers");
        assertThat(attribute(process, RedStreamObservations.OPERATION_TYPE)).isEqualTo("process");
        assertThat(attribute(process, RedStreamObservations.MESSAGE_ID)).isEqualTo(id);
    }

    @Test
    void publish_withoutActiveSpan_startsATraceWhoseIdIsTheTraceIdField() {
        String id = rs.publish(STREAM, Map.of("job", "resize"));

        StreamEntry stored = rs.streams().range(STREAM, id, id, 1).get(0);
        SpanData send = tracing.span("send " + STREAM);
        assertThat(send.getParentSpanContext().isValid()).isFalse();
        assertThat(stored.traceId()).isEqualTo(send.getTraceId());
        assertThat(stored.get(MessageFields.TRACEPARENT)).startsWith("00-" + send.getTraceId() + "-"
                + send.getSpanId() + "-");
    }

    @Test
    void publish_withCallerTraceId_keepsTheCallersId() {
        String id = rs.publish(STREAM, Map.of("job", "resize"), PublishOptions.builder().traceId("order-4711").build());

        StreamEntry stored = rs.streams().range(STREAM, id, id, 1).get(0);
        assertThat(stored.traceId()).isEqualTo("order-4711");
        assertThat(stored.get(MessageFields.TRACEPARENT)).contains(tracing.span("send " + STREAM).getTraceId());
    }

    @Test
    void publishBatch_everyMessageCarriesTheBatchSpan() {
        List<String> ids = rs.streams().publishBatch(STREAM, List.of(Map.of("n", "1"), Map.of("n", "2")),
                PublishOptions.DEFAULT);

        SpanData send = tracing.span("send " + STREAM);
        assertThat(attribute(send, RedStreamObservations.BATCH_COUNT)).isEqualTo("2");
        for (StreamEntry e : rs.streams().range(STREAM, ids.get(0), ids.get(1), 10)) {
            assertThat(e.get(MessageFields.TRACEPARENT)).contains(send.getTraceId() + "-" + send.getSpanId());
            assertThat(e.traceId()).isEqualTo(send.getTraceId());
        }
    }

    @Test
    void batcher_spanEndsWhenRedisAnswered() throws Exception {
        Span producer = tracing.tracer().nextSpan().name("producer").start();
        String id;
        try (PublishBatcher batcher = rs.streams().batcher(BatcherSettings.DEFAULTS);
                Tracer.SpanInScope ignored = tracing.tracer().withSpan(producer)) {
            id = batcher.publish(STREAM, Map.of("job", "resize")).get(10, TimeUnit.SECONDS);
        } finally {
            producer.end();
        }
        await().atMost(WAIT).until(() -> tracing.spans().size() == 2);
        SpanData send = tracing.span("send " + STREAM);
        assertThat(send.getTraceId()).isEqualTo(producer.context().traceId());
        assertThat(send.getParentSpanId()).isEqualTo(producer.context().spanId());
        assertThat(attribute(send, RedStreamObservations.MESSAGE_ID)).isEqualTo(id);
        assertThat(rs.streams().range(STREAM, id, id, 1).get(0).traceId()).isEqualTo(producer.context().traceId());
    }

    @Test
    void publish_rejected_spanRecordsTheError() {
        assertThatThrownBy(() -> rs.publish(STREAM, Map.of("job", "x"), PublishOptions.builder().noCreate(true).build()))
                .hasMessageContaining("does not exist");

        SpanData send = tracing.span("send " + STREAM);
        assertThat(send.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }

    @Test
    void handlerFailure_eachDeliveryIsAProcessSpanOfTheSameTrace() {
        String id = rs.publish(STREAM, Map.of("job", "flaky"));
        String traceId = rs.streams().range(STREAM, id, id, 1).get(0).traceId();

        List<String[]> seen = new CopyOnWriteArrayList<>();
        try (StreamConsumer ignored = consume(seen, true)) {
            await().atMost(WAIT).until(() -> tracing.spans().stream()
                    .filter(s -> s.getName().startsWith("process ")).count() == 2);
        }
        List<SpanData> processes = tracing.spans().stream().filter(s -> s.getName().startsWith("process "))
                .toList();
        assertThat(processes).extracting(SpanData::getTraceId).containsOnly(traceId);
        assertThat(processes).extracting(s -> s.getStatus().getStatusCode())
                .containsExactly(StatusCode.ERROR, StatusCode.UNSET);
        assertThat(seen).extracting(s -> s[0]).containsOnly(traceId);
    }

    @Test
    void observationsSeam_continuesATraceFromACarrier() {
        String id = rs.publish(STREAM, Map.of("job", "resize"));
        String traceparent = rs.streams().range(STREAM, id, id, 1).get(0).get(MessageFields.TRACEPARENT);

        Observation call = rs.observations().continuing("redstream.mcp.tool", "tools/call stream_read",
                KeyValues.of("mcp.tool.name", "stream_read"), Map.of(MessageFields.TRACEPARENT, traceparent));
        call.observe(() -> rs.observations().observation("redstream.inner", "inner step", KeyValues.empty())
                .observe(() -> { }));

        SpanData send = tracing.span("send " + STREAM);
        SpanData tool = tracing.span("tools/call stream_read");
        SpanData inner = tracing.span("inner step");
        assertThat(tool.getTraceId()).isEqualTo(send.getTraceId());
        assertThat(tool.getParentSpanId()).isEqualTo(send.getSpanId());
        assertThat(inner.getParentSpanId()).isEqualTo(tool.getSpanId());
        assertThat(attribute(tool, "mcp.tool.name")).isEqualTo("stream_read");
    }

    private static String attribute(SpanData span, String key) {
        return span.getAttributes().get(AttributeKey.stringKey(key));
    }
}
