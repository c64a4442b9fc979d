package io.redstream.core;

/** The operation lost a race or met an incompatible state, for example a {@code WATCH}ed key changed. */
public class ConflictException extends RedStreamException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(ErrorCode.CONFLICT, message);
    }

    public ConflictException(String message, Throwable cause) {
        super(ErrorCode.CONFLICT, message, cause);
    }
}
