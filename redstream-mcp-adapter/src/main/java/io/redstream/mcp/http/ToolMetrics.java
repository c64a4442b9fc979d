package io.redstream.mcp.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.redstream.mcp.server.CallObserver;
import reactor.core.publisher.Mono;

/**
 * Per-tool call counts and latency as the Micrometer timer {@value #NAME} (Prometheus:
 * {@code redstream_mcp_tool_calls_seconds_count}, {@code _sum}, {@code _max}), tagged with the tool and the
 * outcome: {@code ok}, or {@code error} for a result with {@code isError}.
 */
final class ToolMetrics implements CallObserver {

    static final String NAME = "redstream.mcp.tool.calls";

    private final MeterRegistry registry;

    ToolMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Mono<CallToolResult> observe(String tool, Mono<CallToolResult> call) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return call.doOnNext(result -> Timer.builder(NAME).description("MCP tool calls")
                    .tag("tool", tool).tag("outcome", Boolean.TRUE.equals(result.isError()) ? "error" : "ok")
                    .register(registry).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS));
        });
    }
}
