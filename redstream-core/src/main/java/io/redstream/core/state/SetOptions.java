package io.redstream.core.state;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How a value is written: its time to live and its condition. Immutable.
 *
 * @param ttl time to live, or {@code null} for none (the key persists)
 * @param condition {@link SetCondition#ALWAYS} unless {@code NX}/{@code XX} semantics are wanted
 */
public record SetOptions(Duration ttl, SetCondition condition) {
    /** No TTL, always write. */
    public static final SetOptions DEFAULT = new SetOptions(null, SetCondition.ALWAYS);

    /**
     * Checks the TTL and the condition.
     *
     * @throws IllegalArgumentException {@code ttl} is zero, negative or below 1 ms
     * @throws NullPointerException {@code condition} is {@code null}
     * @param ttl time to live, or {@code null} for none (the key persists)
     * @param condition {@link SetCondition#ALWAYS} unless {@code NX}/{@code XX} semantics are wanted
     */
    public SetOptions {
        requireNonNull(condition, "condition");
        if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
            throw new IllegalArgumentException("ttl must be positive, but was " + ttl);
        }
        if (ttl != null && ttl.toMillis() < 1) {
            throw new IllegalArgumentException("ttl must be at least 1 ms, but was " + ttl);
        }
    }

    /**
     * Expire after {@code ttl}.
     *
     * @param ttl the time to live; positive, at least 1 ms
     * @return options with that TTL and no condition
     */
    public static SetOptions ttl(Duration ttl) {
        return new SetOptions(requireNonNull(ttl, "ttl"), SetCondition.ALWAYS);
    }

    /**
     * These options with the condition {@code NX}: write only when the key does not exist.
     *
     * @return a copy with {@link SetCondition#IF_ABSENT}
     */
    public SetOptions ifAbsent() {
        return new SetOptions(ttl, SetCondition.IF_ABSENT);
    }

    /**
     * These options with the condition {@code XX}: write only when the key exists.
     *
     * @return a copy with {@link SetCondition#IF_PRESENT}
     */
    public SetOptions ifPresent() {
        return new SetOptions(ttl, SetCondition.IF_PRESENT);
    }
}
