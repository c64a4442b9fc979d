package io.redstream.core;

/** A configured limit (size, count, time) was exceeded. */
public class LimitExceededException extends RedStreamException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message and no cause.
     *
     * @param message what failed and why; must not contain secrets or payloads
     */
    public LimitExceededException(String message) {
        super(ErrorCode.LIMIT_EXCEEDED, message);
    }

    /**
     * Creates the exception with a message and the failure that caused it.
     *
     * @param message what failed and why; must not contain secrets or payloads
     * @param cause the underlying failure, kept for logs; may be {@code null}
     */
    public LimitExceededException(String message, Throwable cause) {
        super(ErrorCode.LIMIT_EXCEEDED, message, cause);
    }
}
