package io.redstream.mcp.tools;

/**
 * The error codes of the MCP tool contract (DESIGN §4). A failed tool call is a tool result with
 * {@code isError: true} whose text is {@code CODE: message}.
 *
 * <p>Codes are chosen by what the caller can do next, not by where the failure happened.
 */
public enum ErrorCode {
    /** An argument is missing, unknown, mistyped or out of range: fix the call. */
    INVALID_ARGUMENT,
    /** A stream, key or channel name breaks the naming convention: fix the name. */
    INVALID_NAME,
    /** No valid credential: supply or renew the token or API key. */
    UNAUTHENTICATED,
    /** Authenticated, but the caller's roles (or the server mode, e.g. read-only) do not allow this. */
    ACCESS_DENIED,
    /** A configured server limit (size, count, time, result size) was exceeded: ask for less. */
    LIMIT_EXCEEDED,
    /** The stream, group or key does not exist. */
    NOT_FOUND,
    /** The operation conflicts with the current state (exists already, WATCH failed, ...): re-read and retry. */
    CONFLICT,
    /** Redis or the server could not complete the call right now: retry later. */
    UNAVAILABLE;

    /** Renders {@code CODE: message}, the text of an error tool result. */
    public String format(String message) {
        return name() + ": " + message;
    }
}
