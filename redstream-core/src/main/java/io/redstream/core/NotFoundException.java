package io.redstream.core;

/** The target does not exist, typically a consumer group (Redis {@code NOGROUP}). */
public class NotFoundException extends RedStreamException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message and no cause.
     *
     * @param message what failed and why; must not contain secrets or payloads
     */
    public NotFoundException(String message) {
        super(ErrorCode.NOT_FOUND, message);
    }

    /**
     * Creates the exception with a message and the failure that caused it.
     *
     * @param message what failed and why; must not contain secrets or payloads
     * @param cause the underlying failure, kept for logs; may be {@code null}
     */
    public NotFoundException(String message, Throwable cause) {
        super(ErrorCode.NOT_FOUND, message, cause);
    }
}
