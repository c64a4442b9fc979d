package io.redstream.core;

import java.util.regex.Pattern;

/**
 * Removes credentials from text before it is logged or shown to a caller: the userinfo of URIs
 * ({@code redis://user:password@host}), the secret part of API keys ({@code rsk_<id>_<secret>}), JWTs, and
 * {@code password=...}-style pairs. Every message that leaves RedStream through an adapter (the MCP server's tool
 * errors and logs, for example) goes through here, so there is one definition of what counts as a secret.
 *
 * <p>Stateless and thread-safe.
 */
public final class Redaction {

    /**
     * Everything from the scheme to the LAST '@' of the word: a password may itself contain '/' or a raw '@'
     * (masking too much of an odd URL is harmless, masking too little is a leak).
     */
    private static final Pattern URI_USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)\\S*@");
    private static final Pattern API_KEY = Pattern.compile("\\b(rsk_[A-Za-z0-9]+_)[A-Za-z0-9_-]+");
    private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    /** Not after ':' or '.': {@code nova:user:auth:42} is a name whose segment happens to be "auth", not a secret. */
    private static final Pattern PAIR =
            Pattern.compile("(?i)(?<![:.])\\b(password|passwd|secret|token|auth)(\\s*[=:]\\s*)[^\\s,;&]+");

    private static final int MAX_CAUSES = 8;

    private Redaction() {
    }

    /**
     * {@code text} with every credential masked; {@code null} stays {@code null}.
     *
     * @param text text that may contain credentials; may be {@code null}
     * @return the text with credentials replaced by {@code ***} (JWTs by {@code <jwt>}), or {@code text} itself when
     *  it is {@code null} or empty
     */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = URI_USERINFO.matcher(text).replaceAll("$1***@");
        s = API_KEY.matcher(s).replaceAll("$1***");
        s = JWT.matcher(s).replaceAll("<jwt>");
        return PAIR.matcher(s).replaceAll("$1$2***");
    }

    /**
     * An exception chain for a log, on one line: each cause's class name and redacted message, and where the
     * first one was thrown — no stack trace (logs must not carry them). Never show it to a caller.
     *
     * @param t the exception to describe; {@code null} gives an empty string
     * @return one line with at most eight causes of the chain, redacted
     */
    public static String describe(Throwable t) {
        StringBuilder b = new StringBuilder();
        Throwable current = t;
        for (int depth = 0; current != null && depth < MAX_CAUSES; depth++, current = current.getCause()) {
            if (depth > 0) {
                b.append("; caused by ");
            }
            b.append(current.getClass().getName());
            String message = redact(current.getMessage());
            if (message != null) {
                b.append(": ").append(message.replaceAll("\\s*[\\r\\n]+\\s*", " "));
            }
            StackTraceElement[] frames = current.getStackTrace();
            if (depth == 0 && frames.length > 0) {
                b.append(" (at ").append(frames[0].getClassName()).append('.').append(frames[0].getMethodName())
                        .append(')');
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return b.toString();
    }
}
