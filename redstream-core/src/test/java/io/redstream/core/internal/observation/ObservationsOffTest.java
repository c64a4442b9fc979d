package io.redstream.core.internal.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.redstream.core.consumer.MessageHandler;
import io.redstream.core.internal.EncodedMessage;
import io.redstream.core.internal.MessageEncoder;
import io.redstream.core.observation.RedStreamObservations;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Without a registry nothing is observed, nothing is allocated per call, and nothing is written into messages. */
class ObservationsOffTest {
    private final RedStreamObservations off = RedStreamObservations.of(ObservationRegistry.NOOP);
    private final MessageEncoder encoder = new MessageEncoder("test", java.time.Clock.systemUTC(),
            io.redstream.core.Limits.DEFAULTS);

    @Test
    void of_noopRegistry_isOffAndShared() {
        assertThat(off.enabled()).isFalse();
        assertThat(RedStreamObservations.of(ObservationRegistry.NOOP)).isSameAs(off);
        ObservationRegistry registry = ObservationRegistry.create();
        RedStreamObservations later = RedStreamObservations.of(registry);
        assertThat(later.enabled()).as("no handler yet").isFalse();
        registry.observationConfig().observationHandler(context -> true);
        assertThat(later.enabled()).as("a handler added after the client was built").isTrue();
    }

    @Test
    void publish_off_isNoopAndLeavesTheMessageAlone() {
        EncodedMessage message = encoder.encode("nova:task:a:b", Map.of("a", "1"), null);
        Observation o = PublishObservation.start(off, "nova:task:a:b");
        PublishObservation.stop(o, "1-0");
        PublishObservation.stopWhenDone(o, new CompletableFuture<>());

        assertThat(o).isSameAs(Observation.NOOP);
        assertThat(PublishObservation.traced(o, message)).isSameAs(message);
        assertThat(PublishObservation.startBatch(off, "nova:task:a:b", 1)).isSameAs(Observation.NOOP);
        assertThat(PublishObservation.traced(o, List.of(message))).containsExactly(message);
    }

    @Test
    void wrap_off_returnsTheHandlerItself() {
        MessageHandler handler = entry -> { };
        assertThat(ObservedHandler.wrap(handler, off, "nova:task:a:b", "g")).isSameAs(handler);
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(context -> true);
        assertThat(ObservedHandler.wrap(handler, RedStreamObservations.of(registry), "nova:task:a:b", "g"))
                .isNotSameAs(handler);
    }

    @Test
    void seam_off_returnsNoop() {
        assertThat(off.observation("x.y", "x", KeyValues.empty())).isSameAs(Observation.NOOP);
        assertThat(off.continuing("x.y", "x", KeyValues.empty(), Map.of())).isSameAs(Observation.NOOP);
    }

    @Test
    void traceIdOf_readsW3cAndB3Only() {
        assertThat(TraceCarrier.traceIdOf("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(TraceCarrier.traceIdOf("traceparent", "garbage")).isNull();
        assertThat(TraceCarrier.traceIdOf("X-B3-TraceId", "463ac35c9f6413ad")).isEqualTo("463ac35c9f6413ad");
        assertThat(TraceCarrier.traceIdOf("tracestate", "rojo=00f067aa0ba902b7")).isNull();
    }

    @Test
    void carrier_callerTraceId_isKept_aGeneratedOneIsReplaced() {
        TraceCarrier carrier = new TraceCarrier();
        carrier.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        Map<String, String> chosen = carrier.applyTo(encoder.encode("nova:task:a:b", Map.of("a", "1"), "mine")).toMap();
        assertThat(chosen).containsEntry("_trace_id", "mine").containsKey("traceparent");
        Map<String, String> field = carrier.applyTo(encoder.encode("nova:task:a:b", Map.of("_trace_id", "own"), null))
                .toMap();
        assertThat(field).containsEntry("_trace_id", "own");
        Map<String, String> generated = carrier.applyTo(encoder.encode("nova:task:a:b", Map.of("a", "1"), null)).toMap();
        assertThat(generated).containsEntry("_trace_id", "4bf92f3577b34da6a3ce929d0e0e4736")
                .containsEntry("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }
}
