package io.redstream.core;

/** A reply did not arrive within the configured socket timeout. */
public class RedStreamTimeoutException extends RedStreamConnectionException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message and no cause.
     *
     * @param message what failed and why; must not contain secrets or payloads
     */
    public RedStreamTimeoutException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a message and the failure that caused it.
     *
     * @param message what failed and why; must not contain secrets or payloads
     * @param cause the underlying failure, kept for logs; may be {@code null}
     */
    public RedStreamTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
