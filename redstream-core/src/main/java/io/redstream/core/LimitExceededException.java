package io.redstream.core;

/** A configured limit (size, count, time) was exceeded. */
public class LimitExceededException extends RedStreamException {
    private static final long serialVersionUID = 1L;

    public LimitExceededException(String message) {
        super(ErrorCode.LIMIT_EXCEEDED, message);
    }

    public LimitExceededException(String message, Throwable cause) {
        super(ErrorCode.LIMIT_EXCEEDED, message, cause);
    }
}
