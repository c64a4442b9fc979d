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

    public static long nonNegativeMillis(String name, Duration d) {
        if (d == null || d.isNegative()) {
            throw new InvalidArgumentException(name + " must be zero or positive, but was " + d);
        }
        return d.toMillis();
    }

    public static String groupName(String name, String value) {
        if (value == null || !isGroupName(value)) {
            throw new InvalidArgumentException(name + " must be 1 to 128 characters of [A-Za-z0-9_.:-], but was "
                    + (value == null ? "null" : "'" + (value.length() > 64 ? value.substring(0, 64) + "..." : value)
                    + "'"));
        }
        return value;
    }
}
