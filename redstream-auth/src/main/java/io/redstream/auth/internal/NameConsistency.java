package io.redstream.auth.internal;

import io.redstream.core.naming.NamePattern;
import io.redstream.core.naming.ResourceName;
import java.util.List;

/**
 * Checks that a name's ADAPT segments spell the name Redis will receive. Decisions are made on the segments
 * while commands use {@code redisName()}; {@link ResourceName} and {@link NamePattern} are records with public
 * constructors, so without this check a hand-made instance with segments {@code nova:task:...} and a Redis name
 * outside the namespace would be authorized as if it were inside. Allocation-free: it is on every check.
 */
public final class NameConsistency {
    private static final String LEGACY_SUFFIX = ".direct";

    private NameConsistency() {
    }

    /** Whether {@code segments} joined with {@code :} equal {@code redisName}, or it is the legacy form. */
    public static boolean consistent(ResourceName name) {
        String redis = name.redisName();
        List<String> segments = name.segments();
        return spells(redis, segments, segments.size(), true) || isLegacy(redis, segments);
    }

    /** Whether the literal segments are the start of the pattern (all of it when the pattern is exact). */
    public static boolean consistent(NamePattern pattern) {
        String redis = pattern.redisPattern();
        List<String> literal = pattern.literalSegments();
        if (literal.isEmpty()) {
            return false;
        }
        if (pattern.isExact()) {
            return spells(redis, literal, literal.size(), true);
        }
        // A glob continues after its literal segments with ':' and at least one more segment.
        return spells(redis, literal, literal.size(), false);
    }

    private static boolean spells(String text, List<String> segments, int count, boolean whole) {
        int pos = 0;
        for (int i = 0; i < count; i++) {
            String s = segments.get(i);
            if (i > 0) {
                if (pos >= text.length() || text.charAt(pos) != ':') {
                    return false;
                }
                pos++;
            }
            if (s.isEmpty() || s.indexOf(':') >= 0 || !text.startsWith(s, pos)) {
                return false;
            }
            pos += s.length();
        }
        return whole ? pos == text.length() : pos < text.length() && text.charAt(pos) == ':';
    }

    // domain.name.direct is authorized as [namespace, domain, name, direct]; the namespace is the policy's.
    private static boolean isLegacy(String redis, List<String> segments) {
        if (segments.size() != 4 || !segments.get(3).equals("direct")) {
            return false;
        }
        String domain = segments.get(1);
        String entity = segments.get(2);
        return redis.length() == domain.length() + 1 + entity.length() + LEGACY_SUFFIX.length()
                && redis.startsWith(domain) && redis.charAt(domain.length()) == '.'
                && redis.startsWith(entity, domain.length() + 1) && redis.endsWith(LEGACY_SUFFIX);
    }
}
