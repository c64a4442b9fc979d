package io.redstream.core;

/** A reply did not arrive within the configured socket timeout. */
public class RedStreamTimeoutException extends RedStreamConnectionException {
    private static final long serialVersionUID = 1L;

    public RedStreamTimeoutException(String message) {
        super(message);
    }

    public RedStreamTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
