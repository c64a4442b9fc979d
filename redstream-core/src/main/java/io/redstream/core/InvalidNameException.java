package io.redstream.core;

/** A stream, key, channel or pattern name broke the naming convention; the message shows the name and the rule. */
public class InvalidNameException extends RedStreamException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message and no cause.
     *
     * @param message what failed and why; must not contain secrets or payloads
     */
    public InvalidNameException(String message) {
        super(ErrorCode.INVALID_NAME, message);
    }

    /**
     * Creates the exception with a message and the failure that caused it.
     *
     * @param message what failed and why; must not contain secrets or payloads
     * @param cause the underlying failure, kept for logs; may be {@code null}
     */
    public InvalidNameException(String message, Throwable cause) {
        super(ErrorCode.INVALID_NAME, message, cause);
    }
}
