package io.redstream.core;

/** Credentials are missing, malformed, expired or not valid. The message says which, never echoing the credential. */
public class AuthenticationException extends RedStreamException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(ErrorCode.UNAUTHENTICATED, message);
    }

    public AuthenticationException(String message, Throwable cause) {
        super(ErrorCode.UNAUTHENTICATED, message, cause);
    }
}
