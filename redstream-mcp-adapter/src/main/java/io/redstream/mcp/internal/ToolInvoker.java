package io.redstream.mcp.internal;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.redstream.mcp.tools.CallerResolver;
import io.redstream.mcp.tools.ErrorCode;
import io.redstream.mcp.tools.ToolArguments;
import io.redstream.mcp.tools.ToolContext;
import io.redstream.mcp.tools.ToolSpec;

/**
 * Runs one tool call end to end and always returns a tool result, never throws:
 * caller resolution (authentication), read-only check, argument validation, handler, output check,
 * size cap, and error mapping.
 * Thread-safe; called concurrently from the SDK's worker threads.
 */
public final class ToolInvoker {

    private static final Logger log = LoggerFactory.getLogger(ToolInvoker.class);

    private final ErrorMapper errors;
    private final ResultShaper shaper;
    private final boolean readOnly;
    private final String readOnlyRefusal;
    private final CallerResolver callers;

    /**
     * @param readOnlyTools the tools callable in read-only mode, named in the refusal message
     */
    public ToolInvoker(ObjectMapper mapper, ErrorMapper errors, int maxResultBytes, boolean readOnly,
            List<String> readOnlyTools) {
        this(mapper, errors, maxResultBytes, readOnly, readOnlyTools, CallerResolver.NONE);
    }

    /**
     * @param callers resolves the caller of every call first; its refusal is the call's result
     */
    public ToolInvoker(ObjectMapper mapper, ErrorMapper errors, int maxResultBytes, boolean readOnly,
            List<String> readOnlyTools, CallerResolver callers) {
        this.callers = requireNonNull(callers, "callers");
        this.errors = requireNonNull(errors, "errors");
        this.shaper = new ResultShaper(mapper, maxResultBytes, "--max-result-bytes");
        this.readOnly = readOnly;
        this.readOnlyRefusal = "the server runs with --read-only; available tools: "
                + (readOnlyTools.isEmpty() ? "none" : String.join(", ", readOnlyTools));
    }

    public CallToolResult call(ToolSpec spec, Map<String, Object> rawArguments, ToolContext context) {
        try {
            context = context.withCaller(callers.resolve(context));
            if (readOnly && !spec.hints().readOnly()) {
                return error(ErrorCode.ACCESS_DENIED.format("tool '" + spec.name() + "' is not available: " + readOnlyRefusal));
            }
            ToolArguments arguments = spec.validateArguments(rawArguments);
            Map<String, Object> result = spec.handler().handle(arguments, context);
            if (result == null) {
                log.error("tool '{}' returned no result", spec.name());
                return internalError();
            }
            List<String> problems = spec.checkResult(result);
            if (!problems.isEmpty()) {
                log.error("tool '{}' returned a result that violates its output schema: {}", spec.name(),
                        String.join("; ", problems));
                return internalError();
            }
            ResultShaper.Shaped shaped = shaper.shape(spec, result);
            return CallToolResult.builder()
                    .content(List.of(TextContent.builder(shaped.json()).build()))
                    .structuredContent(shaped.structured())
                    .isError(false)
                    .build();
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError vme && !(t instanceof StackOverflowError)) {
                throw vme;
            }
            return error(errors.map(spec.name(), t).text());
        }
    }

    private static CallToolResult internalError() {
        return error(ErrorCode.UNAVAILABLE.format(ErrorMapper.INTERNAL_ERROR));
    }

    static CallToolResult error(String text) {
        return CallToolResult.builder().content(List.of(TextContent.builder(text).build())).isError(true).build();
    }
}
