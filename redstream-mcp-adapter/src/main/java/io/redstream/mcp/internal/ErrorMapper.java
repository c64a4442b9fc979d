package io.redstream.mcp.internal;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.redstream.mcp.tools.ErrorCode;
import io.redstream.mcp.tools.ToolException;

/**
 * Turns any exception out of a tool into the {@code CODE: message} the caller sees. Immutable and
 * thread-safe.
 *
 * <ul>
 *   <li>{@link ToolException}: its code and message.</li>
 *   <li>An exception matching a registered rule (first match wins; later registrations are tried
 *       first, so specific rules can refine general ones): the rule's code and the exception's
 *       message, redacted and cut to one bounded line. Register only exceptions whose messages are
 *       written for callers (core's {@code RedStreamException} family, {@link IllegalArgumentException}
 *       per the house style).</li>
 *   <li>Anything else: {@link #INTERNAL_ERROR}; the redacted details go to the server log (stderr).</li>
 * </ul>
 */
public final class ErrorMapper {

    /** What the caller sees for an unexpected failure; the details are only in the log. */
    public static final String INTERNAL_ERROR = "internal error (see server log)";

    static final int MAX_MESSAGE_LENGTH = 500;

    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

    private record Rule(Class<? extends Throwable> type, ErrorCode code) {
    }

    private final List<Rule> rules;

    private ErrorMapper(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** {@link IllegalArgumentException} maps to INVALID_ARGUMENT; nothing else is exposed. */
    public static ErrorMapper defaults() {
        return new ErrorMapper(List.of(new Rule(IllegalArgumentException.class, ErrorCode.INVALID_ARGUMENT)));
    }

    /** A mapper that also maps {@code type} (and subclasses) to {@code code}, before existing rules. */
    public ErrorMapper with(Class<? extends Throwable> type, ErrorCode code) {
        List<Rule> next = new ArrayList<>(rules.size() + 1);
        next.add(new Rule(requireNonNull(type, "type"), requireNonNull(code, "code")));
        next.addAll(rules);
        return new ErrorMapper(next);
    }

    public ToolError map(String toolName, Throwable failure) {
        Throwable t = unwrap(requireNonNull(failure, "failure"));
        if (t instanceof ToolException e) {
            return new ToolError(e.code(), oneLine(e.getMessage(), e.code()));
        }
        for (Rule rule : rules) {
            if (rule.type().isInstance(t)) {
                return new ToolError(rule.code(), oneLine(t.getMessage(), rule.code()));
            }
        }
        if (t instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new ToolError(ErrorCode.UNAVAILABLE, "the call was interrupted (server shutting down?); retry");
        }
        log.error("tool '{}' failed unexpectedly: {}", toolName, Redaction.describe(t));
        return new ToolError(ErrorCode.UNAVAILABLE, INTERNAL_ERROR);
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
            return code.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
        String s = Redaction.redact(message.strip()).replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return s.length() > MAX_MESSAGE_LENGTH ? s.substring(0, MAX_MESSAGE_LENGTH) + "..." : s;
    }
}
