package io.redstream.mcp.internal;

import static java.util.Objects.requireNonNull;

import io.redstream.mcp.tools.ErrorCode;

/** A failed call as the caller sees it: {@code CODE: message}. */
public record ToolError(ErrorCode code, String message) {

    public ToolError {
        requireNonNull(code, "code");
        requireNonNull(message, "message");
    }

    public String text() {
        return code.format(message);
    }
}
