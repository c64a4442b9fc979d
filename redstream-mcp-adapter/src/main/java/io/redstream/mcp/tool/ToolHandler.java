package io.redstream.mcp.tool;

/**
 * What a tool does with its bound arguments. Throw core's exceptions ({@code InvalidArgumentException},
 * {@code NotFoundException}, {@code ConflictException}, ...) for failures the caller can act on: their code and
 * message become the tool error; anything else is an internal error whose details only go to the server log.
 *
 * @param <A> the argument record
 * @param <R> the result record
 */
@FunctionalInterface
public interface ToolHandler<A, R> {
    R handle(A arguments, ToolCall call) throws Exception;
}
