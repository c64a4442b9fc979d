package io.redstream.core;

/** A stream, key, channel or pattern name broke the naming convention; the message shows the name and the rule. */
public class InvalidNameException extends RedStreamException {
    private static final long serialVersionUID = 1L;

    public InvalidNameException(String message) {
        super(ErrorCode.INVALID_NAME, message);
    }

    public InvalidNameException(String message, Throwable cause) {
        super(ErrorCode.INVALID_NAME, message, cause);
    }
}
