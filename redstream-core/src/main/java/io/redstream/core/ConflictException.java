package io.redstream.core;

/** The operation lost a race or met an incompatible state, for example a {@code WATCH}ed key changed. */
public class ConflictException extends RedStreamException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message and no cause.
     *
     * @param message what failed and why; must not contain secrets or payloads
     */
    public ConflictException(String message) {
        super(ErrorCode.CONFLICT, message);
    }

    /**
     * Creates the exception with a message and the failure that caused it.
     *
     * @param message what failed and why; must not contain secrets or payloads
     * @param cause the underlying failure, kept for logs; may be {@code null}
     */
    public ConflictException(String message, Throwable cause) {
        super(ErrorCode.CONFLICT, message, cause);
    }
}
