package io.redstream.mcp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class ToolCallObservationsTest {
    private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
    private final ObservationRegistry registry = ObservationRegistry.create();

    ToolCallObservationsTest() {
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
    }

    @Test
    void aCall_isOneObservationNamedByTheToolWithItsOutcome() {
        ToolCallObservations observer = new ToolCallObservations(registry);
        CallToolResult ok = CallToolResult.builder().addTextContent("fine").isError(false).build();
        CallToolResult refused = CallToolResult.builder().addTextContent("NOT_FOUND: x").isError(true).build();

        assertThat(observer.observe("redis_get", Mono.just(ok)).block()).isSameAs(ok);
        assertThat(observer.observe("stream_info", Mono.just(refused)).block()).isSameAs(refused);

        assertThat(stopped).hasSize(2);
        assertThat(stopped.get(0).getName()).isEqualTo(ToolCallObservations.NAME);
        assertThat(stopped.get(0).getContextualName()).isEqualTo("tools/call redis_get");
        assertThat(keys(stopped.get(0))).containsEntry("tool", "redis_get").containsEntry("outcome", "ok")
                .containsEntry("mcp.method.name", "tools/call");
        assertThat(keys(stopped.get(1))).containsEntry("tool", "stream_info").containsEntry("outcome", "error");
    }

    @Test
    void aFailedOrCancelledCall_isStoppedWithThatOutcome() {
        ToolCallObservations observer = new ToolCallObservations(registry);
        assertThatThrownBy(() -> observer.observe("redis_set", Mono.error(new IllegalStateException("x"))).block())
                .isInstanceOf(IllegalStateException.class);
        observer.observe("stream_group_read", Mono.<CallToolResult>never())
                .timeout(Duration.ofMillis(10), Mono.empty()).block();

        assertThat(stopped).hasSize(2);
        assertThat(keys(stopped.get(0))).containsEntry("outcome", "error");
        assertThat(stopped.get(0).getError()).isInstanceOf(IllegalStateException.class);
        assertThat(keys(stopped.get(1))).containsEntry("tool", "stream_group_read").containsEntry("outcome", "cancelled");
    }

    @Test
    void off_returnsTheCallItself() {
        Mono<CallToolResult> call = Mono.empty();
        assertThat(new ToolCallObservations(ObservationRegistry.NOOP).observe("redis_get", call)).isSameAs(call);
    }

    private static Map<String, String> keys(Observation.Context context) {
        return context.getLowCardinalityKeyValues().stream()
                .collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
    }
}
