package io.redstream.mcp.tools;

import static java.util.Objects.requireNonNull;

/**
 * A tool failure the caller may see: its {@link #code()} and {@link #getMessage() message} become the
 * tool result text {@code CODE: message}. The message must be actionable and must not contain secrets,
 * stack traces or data outside the caller's rights.
 *
 * <p>Handlers throw this (or exceptions that the server maps to a code) instead of building error
 * results themselves. Immutable; no stack trace is captured, since it is never shown and is thrown on
 * the hot path of argument validation.
 */
public class ToolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public ToolException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public ToolException(ErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message"), cause, false, false);
        this.code = requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }

    /** The tool result text, {@code CODE: message}. */
    public String toResultText() {
        return code.format(getMessage());
    }

    public static ToolException invalidArgument(String message) {
        return new ToolException(ErrorCode.INVALID_ARGUMENT, message);
    }

    public static ToolException limitExceeded(String message) {
        return new ToolException(ErrorCode.LIMIT_EXCEEDED, message);
    }

    public static ToolException accessDenied(String message) {
        return new ToolException(ErrorCode.ACCESS_DENIED, message);
    }

    public static ToolException notFound(String message) {
        return new ToolException(ErrorCode.NOT_FOUND, message);
    }

    public static ToolException conflict(String message) {
        return new ToolException(ErrorCode.CONFLICT, message);
    }

    public static ToolException unavailable(String message) {
        return new ToolException(ErrorCode.UNAVAILABLE, message);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + toResultText() + "]";
    }
}
