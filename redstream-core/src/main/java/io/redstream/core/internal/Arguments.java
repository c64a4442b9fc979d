package io.redstream.core.internal;

import io.redstream.core.InvalidArgumentException;
import io.redstream.core.LimitExceededException;
import io.redstream.core.Limits;
import java.time.Duration;

/** Argument checks shared by operations; messages name the argument, the rule and the value. */
public final class Arguments {

    private Arguments() {
    }

    /** {@code [A-Za-z0-9_.:-]{1,128}}, hand-written because every group call checks two names. */
    static boolean isGroupName(String v) {
        int n = v.length();
        if (n < 1 || n > 128) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '.' || c == ':' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks a count argument against {@link Limits#maxCount()}.
     *
     * @param name the argument's name, for the error message
     * @param value the value to check
     * @param limits the client's limits
     * @return {@code value}
     * @throws io.redstream.core.InvalidArgumentException {@code value} is below 1
     * @throws io.redstream.core.LimitExceededException {@code value} is above {@code limits.maxCount}
     */
    public static int count(String name, int value, Limits limits) {
        if (value < 1) {
            throw new InvalidArgumentException(name + " must be between 1 and " + limits.maxCount() + ", but was "
                    + value);
        }
        if (value > limits.maxCount()) {
            throw new LimitExceededException(name + " must be between 1 and " + limits.maxCount() + ", but was "
                    + value);
        }
        return value;
    }

    /**
     * Checks a blocking time against {@link Limits#maxBlock()}.
     *
     * @param name the argument's name, for the error message
     * @param block the value to check; zero does not block
     * @param limits the client's limits
     * @return the time in milliseconds
     * @throws io.redstream.core.InvalidArgumentException {@code block} is {@code null} or negative
     * @throws io.redstream.core.LimitExceededException {@code block} is above {@code limits.maxBlock}
     */
    public static int block(String name, Duration block, Limits limits) {
        if (block == null || block.isNegative()) {
            throw new InvalidArgumentException(name + " must be between 0 and " + limits.maxBlock().toMillis()
                    + " ms, but was " + (block == null ? "null" : block.toMillis() + " ms"));
        }
        if (block.compareTo(limits.maxBlock()) > 0) {
            throw new LimitExceededException(name + " must be between 0 and " + limits.maxBlock().toMillis()
                    + " ms, but was " + block.toMillis() + " ms");
        }
        return (int) block.toMillis();
    }

    /**
     * Checks that a duration is zero or positive.
     *
     * @param name the argument's name, for the error message
     * @param d the value to check
     * @return the duration in milliseconds
     * @throws io.redstream.core.InvalidArgumentException {@code d} is {@code null} or negative
     */
    public static long nonNegativeMillis(String name, Duration d) {
        if (d == null || d.isNegative()) {
            throw new InvalidArgumentException(name + " must be zero or positive, but was " + d);
        }
        return d.toMillis();
    }

    /**
     * Checks a consumer group or consumer name: 1 to 128 characters of {@code [A-Za-z0-9_.:-]}.
     *
     * @param name the argument's name, for the error message
     * @param value the value to check
     * @return {@code value}
     * @throws io.redstream.core.InvalidArgumentException {@code value} is {@code null} or breaks the rule
     */
    public static String groupName(String name, String value) {
        if (value == null || !isGroupName(value)) {
            throw new InvalidArgumentException(name + " must be 1 to 128 characters of [A-Za-z0-9_.:-], but was "
                    + (value == null ? "null" : "'" + (value.length() > 64 ? value.substring(0, 64) + "..." : value)
                    + "'"));
        }
        return value;
    }
}
