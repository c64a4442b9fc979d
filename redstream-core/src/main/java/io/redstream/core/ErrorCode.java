package io.redstream.core;

/**
 * What a caller can do about a failure. Every {@link RedStreamException} carries one; adapters (such as the
 * MCP server) print it as the stable prefix of an error message.
 */
public enum ErrorCode {
    /** An argument broke a rule (range, size, shape). Fix the argument. */
    INVALID_ARGUMENT,
    /** A stream, key, channel or pattern name broke the naming convention. Fix the name. */
    INVALID_NAME,
    /** No or bad credentials. Present a valid token or key. */
    UNAUTHENTICATED,
    /** The caller is known but not allowed this action on this resource. Ask for a role. */
    ACCESS_DENIED,
    /** A configured limit (size, count, time) was exceeded. Ask for less. */
    LIMIT_EXCEEDED,
    /** The target (typically a consumer group) does not exist. Create it first. */
    NOT_FOUND,
    /** The target is in a state that forbids the operation (for example a WATCHed key changed). Retry. */
    CONFLICT,
    /** Redis could not be reached or did not answer in time. Retry later. */
    UNAVAILABLE
}
