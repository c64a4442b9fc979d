package io.redstream.auth.internal;

import io.redstream.core.naming.NamingPolicy;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A resource pattern of a policy rule, over the ADAPT segments of a name ({@code ResourceName.segments()}):
 * {@code *} stands for exactly one segment, {@code >} (last only) for one or more remaining segments, anything
 * else is a literal segment. The first segment is always the literal namespace, which is what keeps every rule,
 * and so every role, inside the namespace.
 *
 * <p>Immutable and thread-safe; matching allocates nothing because it sits on every authorization check.
 */
public final class ResourcePattern {
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9_-]+");

    private final String text;
    /** Segments before a trailing {@code >}; {@code null} entries are {@code *}. */
    private final String[] fixed;
    private final boolean tail;

    private ResourcePattern(String text, String[] fixed, boolean tail) {
        this.text = text;
        this.fixed = fixed;
        this.tail = tail;
    }

    /**
     * Parses and validates {@code text} against {@code naming}: at least two segments, the first the literal
     * namespace, a literal second segment a configured domain, every segment {@code *}, a trailing {@code >} or
     * {@code [A-Za-z0-9_-]+}.
     *
     * @param text   the pattern as written in the rule
     * @param naming the namespace and domains to validate against
     * @return the pattern
     * @throws IllegalArgumentException naming the rule the text broke (the caller adds where it came from)
     */
    public static ResourcePattern parse(String text, NamingPolicy naming) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("resource pattern must not be empty");
        }
        String[] parts = text.split(":", -1);
        String ns = naming.namespace();
        if (!parts[0].equals(ns)) {
            throw new IllegalArgumentException("resource pattern '" + text + "' must start with the literal namespace '"
                    + ns + ":' (nothing outside the namespace is reachable)");
        }
        if (parts.length < 2) {
            throw new IllegalArgumentException("resource pattern '" + text + "' must have at least 2 segments, e.g. '"
                    + ns + ":>' or '" + ns + ":task:>'");
        }
        boolean tail = parts[parts.length - 1].equals(">");
        String[] fixed = new String[tail ? parts.length - 1 : parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.equals(">")) {
                if (i != parts.length - 1) {
                    throw new IllegalArgumentException("resource pattern '" + text + "' may use '>' only as its last"
                            + " segment, but has it at segment " + (i + 1));
                }
                continue;
            }
            if (p.equals("*")) {
                fixed[i] = null;
                continue;
            }
            if (!LITERAL.matcher(p).matches()) {
                throw new IllegalArgumentException("resource pattern '" + text + "' has segment '" + p + "'; every"
                        + " segment must be '*', '>' or match [A-Za-z0-9_-]+ (wildcards stand for whole segments)");
            }
            fixed[i] = p;
        }
        if (fixed.length > 1 && fixed[1] != null && !naming.domains().contains(fixed[1])) {
            throw new IllegalArgumentException("resource pattern '" + text + "' names domain '" + fixed[1]
                    + "', which is not one of " + naming.domains().stream().sorted().toList());
        }
        return new ResourcePattern(text, fixed, tail);
    }

    /**
     * Whether the name with these ADAPT segments matches.
     *
     * @param segments the name's segments, the namespace first
     * @return {@code true} when every fixed segment agrees and the segment count fits ({@code >} needs at least one
     *     more)
     */
    public boolean matches(List<String> segments) {
        int n = fixed.length;
        int size = segments.size();
        if (tail ? size <= n : size != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            String f = fixed[i];
            if (f != null && !f.equals(segments.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether this pattern matches every name that starts with {@code prefix} and has at least one more segment
     * of any content: only a {@code >} pattern whose fixed part fits within the prefix and agrees with it can.
     *
     * @param prefix the literal leading segments of a name pattern
     * @return {@code true} when every such name matches
     */
    public boolean coversEveryExtensionOf(List<String> prefix) {
        if (!tail || fixed.length > prefix.size()) {
            return false;
        }
        return fixedAgreeWith(prefix, fixed.length);
    }

    /**
     * Whether this pattern could match some name that starts with {@code prefix}, continues with a segment that
     * starts with {@code nextStart} (the literal text before the first {@code *} of a glob segment, possibly
     * empty), and may go on with anything. Conservative: what the glob leaves open is assumed to match.
     *
     * @param prefix    the literal leading segments of a name pattern
     * @param nextStart the literal start of the first wildcard segment, possibly empty
     * @return {@code false} only when no such name can match
     */
    public boolean mayMatchAnExtensionOf(List<String> prefix, String nextStart) {
        int n = prefix.size();
        if (!tail && fixed.length <= n) {
            return false;
        }
        if (!fixedAgreeWith(prefix, Math.min(fixed.length, n))) {
            return false;
        }
        return fixed.length <= n || fixed[n] == null || fixed[n].startsWith(nextStart);
    }

    private boolean fixedAgreeWith(List<String> prefix, int count) {
        for (int i = 0; i < count; i++) {
            String f = fixed[i];
            if (f != null && !f.equals(prefix.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResourcePattern other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
