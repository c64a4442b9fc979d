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

    /** The stable category of this failure; part of the serialized form. */
    private final ErrorCode code;

    /**
     * Creates the exception with a category and a message, without a cause.
     *
     * @param code the stable category callers switch on; not {@code null}
     * @param message what failed and why; must not contain secrets or payloads
     * @throws NullPointerException if {@code code} is {@code null}
     */
    public RedStreamException(ErrorCode code, String message) {
        super(message);
        this.code = requireNonNull(code, "code");
    }

    /**
     * Creates the exception with a category, a message and the failure that caused it.
     *
     * @param code the stable category callers switch on; not {@code null}
     * @param message what failed and why; must not contain secrets or payloads
     * @param cause the underlying failure, kept for logs; may be {@code null}
     * @throws NullPointerException if {@code code} is {@code null}
     */
    public RedStreamException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = requireNonNull(code, "code");
    }

    /**
     * The stable category of this failure.
     *
     * @return the error code, never {@code null}
     */
    public ErrorCode code() {
        return code;
    }
}
