package io.redstream.mcp.tools;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * A JSON integer (a number with no fractional part; {@code 5.0} counts), normalized to {@link Long}.
 * The bounds come in two kinds: {@link #range} is the meaning of the argument (violations are
 * {@link ErrorCode#INVALID_ARGUMENT}); {@link #limit} is a configured server limit (violations are
 * {@link ErrorCode#LIMIT_EXCEEDED}).
 */
public final class IntegerSchema extends Schema<IntegerSchema> {

    private long min = Long.MIN_VALUE;
    private long max = Long.MAX_VALUE;
    private long limit = Long.MAX_VALUE;
    private String limitSetting;

    IntegerSchema() {
    }

    /** Inclusive bounds that belong to the argument's meaning. */
    public IntegerSchema range(long min, long max) {
        if (max < min) {
            throw new IllegalArgumentException("range must satisfy min <= max, but was " + min + ".." + max);
        }
        this.min = min;
        this.max = max;
        return this;
    }

    public IntegerSchema min(long min) {
        this.min = min;
        return this;
    }

    /**
     * An inclusive upper bound set by configuration ({@code setting} names the flag, e.g.
     * {@code "--max-count"}); exceeding it is {@link ErrorCode#LIMIT_EXCEEDED}.
     */
    public IntegerSchema limit(long limit, String setting) {
        this.limit = limit;
        this.limitSetting = requireNonNull(setting, "setting");
        return this;
    }

    private long upper() {
        return Math.min(max, limit);
    }

    @Override
    String jsonType() {
        return "integer";
    }

    @Override
    void writeConstraints(Map<String, Object> json) {
        if (min != Long.MIN_VALUE) {
            json.put("minimum", min);
        }
        if (upper() != Long.MAX_VALUE) {
            json.put("maximum", upper());
        }
    }

    @Override
    String expectation() {
        boolean low = min != Long.MIN_VALUE;
        boolean high = upper() != Long.MAX_VALUE;
        if (low && high) {
            return "an integer between " + min + " and " + upper();
        }
        if (low) {
            return "an integer of at least " + min;
        }
        return high ? "an integer of at most " + upper() : "an integer";
    }

    @Override
    Object checkValue(Object value, String path, Violations violations) {
        Long n = toLong(value);
        if (n == null) {
            violations.mismatch(path, expectation(), value);
            return null;
        }
        if (n < min || n > max) {
            violations.mismatch(path, expectation(), value);
            return null;
        }
        if (n > limit) {
            violations.limit(path, expectation(), Violations.render(value), limitSetting);
            return null;
        }
        return n;
    }

    /** The integral value of a JSON number as a long, or null (not an integer, or beyond long). */
    static Long toLong(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger b) {
            return b.bitLength() < 64 ? b.longValue() : null;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 0x1p63 ? (long) d : null;
        }
        if (value instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return null;
    }
}
