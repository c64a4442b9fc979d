package io.redstream.mcp.tools;

import java.util.Map;

/**
 * The body of a tool. It receives arguments already validated against the tool's input schema (with
 * defaults applied) and returns the structured result, which must conform to the tool's output schema.
 *
 * <p>Report failures by throwing: {@link ToolException} for a coded, caller-visible error; any other
 * exception is mapped by the server (unknown ones become {@code UNAVAILABLE: internal error}, with the
 * details in the server log only). Handlers run on a worker thread and may block (bounded by the limits).
 */
@FunctionalInterface
public interface ToolHandler {

    Map<String, Object> handle(ToolArguments arguments, ToolContext context) throws Exception;
}
