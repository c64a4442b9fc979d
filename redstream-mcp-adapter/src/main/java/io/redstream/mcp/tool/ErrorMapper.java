package io.redstream.mcp.tool;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.redstream.core.ErrorCode;
import io.redstream.core.NotFoundException;
import io.redstream.core.Redaction;
import io.redstream.core.RedStreamException;

/**
 * Turns any failure of a tool call into the {@code CODE: message} text the caller sees. Core's exceptions carry
 * the code and a message written for callers; {@link IllegalArgumentException} (the house style for bad values)
 * is {@code INVALID_ARGUMENT}; anything else is an internal error whose redacted details go only to the server
 * log. Messages are redacted ({@link Redaction}) and kept to one bounded line. Stateless.
 */
public final class ErrorMapper {

    /** What a caller sees of an unexpected failure; the details are only in the log. */
    public static final String INTERNAL_ERROR = "internal error (see the server log)";

    static final int MAX_MESSAGE_LENGTH = 500;

    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {
    }

    /** The text of a failed call of {@code tool}. */
    public static String text(ToolDefinition<?, ?> tool, Throwable failure) {
        return text(tool.name(), tool.notFoundHint(), failure);
    }

    /** The text of a failed call of the tool named {@code tool}; {@code notFoundHint} may be null. */
    public static String text(String tool, String notFoundHint, Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof RedStreamException e) {
            String message = oneLine(e.getMessage(), e.code());
            if (e.code() == ErrorCode.UNAVAILABLE) {
                message += "; the server keeps running: retry when Redis is reachable";
            } else if (e instanceof NotFoundException && notFoundHint != null) {
                message += "; " + notFoundHint;
            }
            return format(e.code(), message);
        }
        if (t instanceof IllegalArgumentException e) {
            return format(ErrorCode.INVALID_ARGUMENT, oneLine(e.getMessage(), ErrorCode.INVALID_ARGUMENT));
        }
        if (t instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return format(ErrorCode.UNAVAILABLE, "the call was interrupted (cancelled, or the server is stopping);"
                    + " retry");
        }
        log.error("tool '{}' failed unexpectedly: {}", tool, Redaction.describe(t));
        return format(ErrorCode.UNAVAILABLE, INTERNAL_ERROR);
    }

    /** {@code CODE: message}. */
    public static String format(ErrorCode code, String message) {
        return code.name() + ": " + message;
    }

    static Throwable unwrap(Throwable t) {
        Throwable current = t;
        for (int i = 0; i < 10; i++) {
            Throwable cause = current.getCause();
            boolean wrapper = current instanceof CompletionException || current instanceof ExecutionException
                    || current instanceof InvocationTargetException || current instanceof UndeclaredThrowableException;
            if (!wrapper || cause == null || cause == current) {
                return current;
            }
            current = cause;
        }
        return current;
    }

    private static String oneLine(String message, ErrorCode code) {
        if (message == null || message.isBlank()) {
            return code.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        String s = Redaction.redact(message.strip()).replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return s.length() > MAX_MESSAGE_LENGTH ? s.substring(0, MAX_MESSAGE_LENGTH) + "..." : s;
    }
}
