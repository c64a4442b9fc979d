package io.redstream.core.naming;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A validated name of a stream, key or channel. Obtained only from {@link NamingPolicy}, so holding one means the
 * name passed the rules.
 *
 * <p>{@link #redisName()} is what is sent to Redis. {@link #segments()} is the ADAPT form used for access
 * decisions: for ADAPT names it is the name split on {@code :}; for an accepted legacy name
 * {@code domain.name.direct} it is {@code [namespace, domain, name, direct]}, so one policy governs both forms.
 *
 * <p>Immutable and thread-safe.
 */
public record ResourceName(NameKind kind, String redisName, List<String> segments) {
    public ResourceName {
        requireNonNull(kind, "kind");
        requireNonNull(redisName, "redisName");
        segments = List.copyOf(segments);
        // The guard decides on segments while Redis receives redisName: they must name the same thing, so a
        // hand-built instance cannot pair allowed segments with a name outside the namespace.
        boolean adapt = String.join(":", segments).equals(redisName);
        boolean legacy = segments.size() == 4 && "direct".equals(segments.get(3))
                && redisName.equals(segments.get(1) + "." + segments.get(2) + ".direct");
        if (segments.size() < 4 || !(adapt || legacy)) {
            throw new IllegalArgumentException("segments " + segments + " do not spell redisName '" + redisName
                    + "'; obtain names from NamingPolicy");
        }
    }

    /** The namespace segment (the first). */
    public String namespace() {
        return segments.get(0);
    }

    /** The domain segment (the second). */
    public String domain() {
        return segments.get(1);
    }

    /** The ADAPT form joined with {@code :}; equal to {@link #redisName()} unless the name is legacy. */
    public String canonical() {
        return String.join(":", segments);
    }

    @Override
    public String toString() {
        return redisName;
    }
}
