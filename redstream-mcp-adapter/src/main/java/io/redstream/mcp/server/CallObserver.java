package io.redstream.mcp.server;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import reactor.core.publisher.Mono;

/** Sees every tool call as it runs (metrics); must be thread-safe and must not change the result. */
@FunctionalInterface
public interface CallObserver {

    /** Observes nothing. */
    CallObserver NONE = (tool, call) -> call;

    /** {@code call}, the result of calling {@code tool}, with whatever observing it needs. */
    Mono<CallToolResult> observe(String tool, Mono<CallToolResult> call);
}
