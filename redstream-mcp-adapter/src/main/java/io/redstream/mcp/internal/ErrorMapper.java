package io.redstream.mcp.internal;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

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

    /** Maps exceptions of {@code type}; {@code code} picks the code (and may refine the message). */
    private record Rule(Class<? extends Throwable> type, Function<Throwable, ToolError> code) {
    }

    private final List<Rule> rules;

    private ErrorMapper(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** {@link IllegalArgumentException} maps to INVALID_ARGUMENT; nothing else is exposed. */
    public static ErrorMapper defaults() {
        return new ErrorMapper(List.of(fixed(IllegalArgumentException.class, ErrorCode.INVALID_ARGUMENT)));
    }

    /** A mapper that also maps {@code type} (and subclasses) to {@code code}, before existing rules. */
    public ErrorMapper with(Class<? extends Throwable> type, ErrorCode code) {
        requireNonNull(code, "code");
        return with(fixed(requireNonNull(type, "type"), code));
    }

    /**
     * A mapper that also maps {@code type} (and subclasses) to the code {@code code} picks for each
     * exception (for exceptions that carry their own category), before existing rules.
     */
    public <T extends Throwable> ErrorMapper with(Class<T> type, Function<? super T, ErrorCode> code) {
        requireNonNull(type, "type");
        requireNonNull(code, "code");
        return with(new Rule(type, t -> {
            ErrorCode c = requireNonNull(code.apply(type.cast(t)), "code");
            return new ToolError(c, oneLine(t.getMessage(), c));
        }));
    }

    private ErrorMapper with(Rule rule) {
        List<Rule> next = new ArrayList<>(rules.size() + 1);
        next.add(rule);
        next.addAll(rules);
        return new ErrorMapper(next);
    }

    private static Rule fixed(Class<? extends Throwable> type, ErrorCode code) {
        return new Rule(type, t -> new ToolError(code, oneLine(t.getMessage(), code)));
    }

    public ToolError map(String toolName, Throwable failure) {
        Throwable t = unwrap(requireNonNull(failure, "failure"));
        if (t instanceof ToolException e) {
            return new ToolError(e.code(), oneLine(e.getMessage(), e.code()));
        }
        for (Rule rule : rules) {
            if (rule.type().isInstance(t)) {
                return rule.code().apply(t);
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
