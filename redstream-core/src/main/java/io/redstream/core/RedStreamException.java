package io.redstream.core;

import static java.util.Objects.requireNonNull;

/**
 * Root of every exception RedStream throws. Unchecked, because most callers can only log and retry; those who
 * can do better catch the subclass that matches what they can do, or switch on {@link #code()}.
 *
 * <p>Messages never contain secrets (passwords, tokens, API keys) or message payloads: they name the argument,
 * the rule and, for non-secret input, the offending value.
 */
public class RedStreamException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public RedStreamException(ErrorCode code, String message) {
        super(message);
        this.code = requireNonNull(code, "code");
    }

    public RedStreamException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = requireNonNull(code, "code");
    }

    /** The stable category of this failure. */
    public ErrorCode code() {
        return code;
    }
}
