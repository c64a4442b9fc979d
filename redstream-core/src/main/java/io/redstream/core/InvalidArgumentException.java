package io.redstream.core;

/** An argument broke a rule; the message names the argument, the rule and the value. */
public class InvalidArgumentException extends RedStreamException {
    private static final long serialVersionUID = 1L;

    public InvalidArgumentException(String message) {
        super(ErrorCode.INVALID_ARGUMENT, message);
    }

    public InvalidArgumentException(String message, Throwable cause) {
        super(ErrorCode.INVALID_ARGUMENT, message, cause);
    }
}
