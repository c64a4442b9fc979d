package io.redstream.mcp.server;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.redstream.core.observation.RedStreamObservations;
import reactor.core.publisher.Mono;

/**
 * Every tool call as the Micrometer observation {@value #NAME}, contextual name {@code "tools/call <tool>"}, with
 * the low-cardinality keys {@code mcp.method.name} ({@code tools/call}), {@code tool} and {@code outcome}:
 * {@code ok}, {@code error} (a result with {@code isError}, or a failure) or {@code cancelled}. With Micrometer's
 * meter handler in the registry this is the timer {@code redstream_mcp_tool_calls_seconds} by tool and outcome;
 * with a tracer, a span per call. Off ({@link ObservationRegistry#NOOP}) it returns the call untouched.
 */
public final class ToolCallObservations implements CallObserver {

    /** The observation (and timer) name. */
    public static final String NAME = "redstream.mcp.tool.calls";

    private final RedStreamObservations observations;

    public ToolCallObservations(ObservationRegistry registry) {
        this.observations = RedStreamObservations.of(registry);
    }

    @Override
    public Mono<CallToolResult> observe(String tool, Mono<CallToolResult> call) {
        if (!observations.enabled()) {
            return call;
        }
        return Mono.defer(() -> {
            Observation observation = observations.observation(NAME, "tools/call " + tool,
                    KeyValues.of("mcp.method.name", "tools/call", "tool", tool, "outcome", "cancelled")).start();
            return call
                    .doOnNext(result -> observation.lowCardinalityKeyValue("outcome",
                            Boolean.TRUE.equals(result.isError()) ? "error" : "ok"))
                    .doOnError(error -> {
                        observation.lowCardinalityKeyValue("outcome", "error");
                        observation.error(error);
                    })
                    .doFinally(signal -> observation.stop());
        });
    }
}
