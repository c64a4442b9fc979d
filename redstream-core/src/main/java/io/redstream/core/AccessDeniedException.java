package io.redstream.core;

/** The caller is authenticated but not allowed this action on this resource. Thrown before any Redis command is sent. */
public class AccessDeniedException extends RedStreamException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(ErrorCode.ACCESS_DENIED, message);
    }

    public AccessDeniedException(String message, Throwable cause) {
        super(ErrorCode.ACCESS_DENIED, message, cause);
    }
}
