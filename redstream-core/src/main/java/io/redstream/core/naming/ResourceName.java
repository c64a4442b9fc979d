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
 *
 * @param kind stream, key or channel
 * @param redisName the name as sent to Redis
 * @param segments the ADAPT segments access is decided on
 */
public record ResourceName(NameKind kind, String redisName, List<String> segments) {
    /**
     * Checks that {@code segments} spell {@code redisName} (or its legacy form); copies them.
     *
     * @throws IllegalArgumentException the segments do not spell the name, or there are fewer than four
     * @throws NullPointerException a component is {@code null}
     * @param kind stream, key or channel
     * @param redisName the name as sent to Redis
     * @param segments the ADAPT segments access is decided on
     */
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

    /**
     * The namespace segment (the first).
     *
     * @return the first segment
     */
    public String namespace() {
        return segments.get(0);
    }

    /**
     * The domain segment (the second).
     *
     * @return the second segment
     */
    public String domain() {
        return segments.get(1);
    }

    /**
     * The ADAPT form joined with {@code :}; equal to {@link #redisName()} unless the name is legacy.
     *
     * @return the segments joined with {@code :}
     */
    public String canonical() {
        return String.join(":", segments);
    }

    @Override
    public String toString() {
        return redisName;
    }
}
