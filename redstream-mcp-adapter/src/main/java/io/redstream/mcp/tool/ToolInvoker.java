package io.redstream.mcp.tool;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.redstream.auth.Principal;
import io.redstream.core.AccessDeniedException;
import io.redstream.core.ErrorCode;
import io.redstream.core.RedStream;
import reactor.core.publisher.Mono;

/**
 * Runs tool calls end to end and always answers with a tool result, never an exception: authentication, the
 * server's toolsets and read-only mode, argument validation and binding, the handler (quick calls on the calling
 * thread, waiting calls in the {@link WaitingCapacity}), the result cap, and the mapping of every failure to a
 * coded error. Results are not validated against their output schema here — the tests do that, for every tool.
 * Thread-safe.
 */
public final class ToolInvoker {

    private final ToolCatalog catalog;
    private final ToolSettings settings;
    private final CallerResolver callers;
    private final Function<Principal, RedStream> views;
    private final WaitingCapacity waiting;
    private final ArgumentBinder binder;
    private final ResultShaper shaper;

    /**
     * @param views the guarded view of Redis for a caller
     */
    public ToolInvoker(ToolCatalog catalog, ToolSettings settings, CallerResolver callers,
            Function<Principal, RedStream> views, WaitingCapacity waiting) {
        this.catalog = requireNonNull(catalog, "catalog");
        this.settings = requireNonNull(settings, "settings");
        this.callers = requireNonNull(callers, "callers");
        this.views = requireNonNull(views, "views");
        this.waiting = requireNonNull(waiting, "waiting");
        ObjectMapper mapper = ToolJson.mapper();
        this.binder = new ArgumentBinder(mapper);
        this.shaper = new ResultShaper(mapper, settings.maxResultBytes());
    }

    public ToolCatalog catalog() {
        return catalog;
    }

    /**
     * The result of calling {@code tool} with {@code arguments} (the request's arguments as a map, or as the JSON
     * tree the transport parsed, which the call may then modify). A quick call runs when the returned {@code Mono}
     * is subscribed, on the subscribing thread; a waiting call is admitted there and then runs on a worker.
     */
    public <A, R> Mono<CallToolResult> call(RegisteredTool<A, R> tool, Object arguments,
            io.modelcontextprotocol.common.McpTransportContext context, CallControl control) {
        return Mono.defer(() -> {
            ToolDefinition<A, R> definition = tool.definition();
            ToolCall call;
            A args;
            try {
                Principal caller = callers.resolve(context);
                String refusal = catalog.refusal(definition);
                if (refusal != null) {
                    throw new AccessDeniedException(refusal);
                }
                args = binder.bind(definition, tool.schema(), arguments);
                call = new ToolCall(definition.name(), caller, views, settings, control);
            } catch (Throwable t) {
                return Mono.just(failure(definition, t));
            }
            if (!definition.waits(args)) {
                return Mono.just(run(definition, args, call));
            }
            if (!waiting.tryAcquire()) {
                return Mono.just(error(ErrorMapper.format(ErrorCode.LIMIT_EXCEEDED, waiting.max()
                        + " waiting calls (blocking reads, subscriptions) are already in progress, the most this server"
                        + " runs at once (server limit, set by --max-waiting-calls); retry when one has finished,"
                        + " or call without waiting")));
            }
            return Mono.fromCallable(() -> {
                control.enter();
                try {
                    return run(definition, args, call);
                } finally {
                    control.exit();
                }
            }).subscribeOn(waiting.scheduler()).doFinally(signal -> waiting.release());
        });
    }

    private <A, R> CallToolResult run(ToolDefinition<A, R> definition, A args, ToolCall call) {
        try {
            R result = definition.handler().handle(args, call);
            if (result == null) {
                throw new IllegalStateException("tool '" + definition.name() + "' returned no result");
            }
            return shaper.shape(definition.name(), result);
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError vme && !(t instanceof StackOverflowError)) {
                throw vme;
            }
            return failure(definition, t);
        }
    }

    private static CallToolResult failure(ToolDefinition<?, ?> definition, Throwable t) {
        if (t instanceof VirtualMachineError vme && !(t instanceof StackOverflowError)) {
            throw vme;
        }
        return error(ErrorMapper.text(definition, t));
    }

    static CallToolResult error(String text) {
        return CallToolResult.builder().content(List.of(TextContent.builder(text).build())).isError(true).build();
    }
}
