package io.redstream.core;

/** Credentials are missing, malformed, expired or not valid. The message says which, never echoing the credential. */
public class AuthenticationException extends RedStreamException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message and no cause.
     *
     * @param message what failed and why; must not contain secrets or payloads
     */
    public AuthenticationException(String message) {
        super(ErrorCode.UNAUTHENTICATED, message);
    }

    /**
     * Creates the exception with a message and the failure that caused it.
     *
     * @param message what failed and why; must not contain secrets or payloads
     * @param cause the underlying failure, kept for logs; may be {@code null}
     */
    public AuthenticationException(String message, Throwable cause) {
        super(ErrorCode.UNAUTHENTICATED, message, cause);
    }
}
