package io.redstream.core;

/** The target does not exist, typically a consumer group (Redis {@code NOGROUP}). */
public class NotFoundException extends RedStreamException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(ErrorCode.NOT_FOUND, message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(ErrorCode.NOT_FOUND, message, cause);
    }
}
