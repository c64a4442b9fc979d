package io.redstream.core.naming;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A validated glob pattern over names (for {@code SCAN MATCH} and pattern subscriptions).
 *
 * <p>Only {@code *} is allowed as a wildcard. Because a Redis glob {@code *} also matches {@code :}, a segment
 * that contains {@code *} can stand for any number of further segments; {@link #literalSegments()} therefore
 * holds only the segments before the first wildcard segment, and every name the pattern can match starts with
 * them. The namespace segment is always literal, so a pattern never reaches outside the namespace.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind the kind of names it matches
 * @param redisPattern the glob sent to Redis
 * @param literalSegments the segments before the first one with a wildcard
 */
public record NamePattern(NameKind kind, String redisPattern, List<String> literalSegments) {
    /**
     * Checks that {@code literalSegments} is the literal prefix of {@code redisPattern}; copies it.
     *
     * @throws IllegalArgumentException the segments do not match the pattern
     * @throws NullPointerException a component is {@code null}
     * @param kind the kind of names it matches
     * @param redisPattern the glob sent to Redis
     * @param literalSegments the segments before the first one with a wildcard
     */
    public NamePattern {
        requireNonNull(kind, "kind");
        requireNonNull(redisPattern, "redisPattern");
        literalSegments = List.copyOf(literalSegments);
        String[] parts = redisPattern.split(":", -1);
        int literal = 0;
        while (literal < parts.length && parts[literal].indexOf('*') < 0) {
            literal++;
        }
        if (literalSegments.isEmpty() || !literalSegments.equals(java.util.Arrays.asList(parts).subList(0, literal))) {
            throw new IllegalArgumentException("literalSegments " + literalSegments + " are not the literal prefix of '"
                    + redisPattern + "'; obtain patterns from NamingPolicy");
        }
    }

    /**
     * True when the pattern has no wildcard and so matches exactly one name.
     *
     * @return {@code true} when the pattern has no {@code *}
     */
    public boolean isExact() {
        return redisPattern.indexOf('*') < 0;
    }

    /**
     * Whether {@code name} matches this pattern, with Redis glob semantics restricted to {@code *}. Used to filter
     * results client-side and by access policies.
     *
     * @param name the name to test
     * @return {@code true} when the pattern matches the whole name
     */
    public boolean matches(String name) {
        return GlobMatcher.matches(redisPattern, name);
    }

    @Override
    public String toString() {
        return redisPattern;
    }
}
