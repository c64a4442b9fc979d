package io.redstream.core;

/**
 * Redis could not be reached, the connection broke, or a reply did not arrive in time. The operation may or may
 * not have been applied; retry only what is safe to repeat (publishing with a client-generated id is).
 */
public class RedStreamConnectionException extends RedStreamException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message and no cause.
     *
     * @param message what failed and why; must not contain secrets or payloads
     */
    public RedStreamConnectionException(String message) {
        super(ErrorCode.UNAVAILABLE, message);
    }

    /**
     * Creates the exception with a message and the failure that caused it.
     *
     * @param message what failed and why; must not contain secrets or payloads
     * @param cause the underlying failure, kept for logs; may be {@code null}
     */
    public RedStreamConnectionException(String message, Throwable cause) {
        super(ErrorCode.UNAVAILABLE, message, cause);
    }
}
