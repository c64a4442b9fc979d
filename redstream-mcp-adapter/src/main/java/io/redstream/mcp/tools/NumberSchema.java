package io.redstream.mcp.tools;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/** A JSON number (integral or not), normalized to {@link Double}; used for measurements such as latencies. */
public final class NumberSchema extends Schema<NumberSchema> {

    private double min = Double.NEGATIVE_INFINITY;

    NumberSchema() {
    }

    /** Inclusive lower bound. */
    public NumberSchema min(double min) {
        this.min = min;
        return this;
    }

    @Override
    String jsonType() {
        return "number";
    }

    @Override
    void writeConstraints(Map<String, Object> json) {
        if (min != Double.NEGATIVE_INFINITY) {
            json.put("minimum", min);
        }
    }

    @Override
    String expectation() {
        return min == Double.NEGATIVE_INFINITY ? "a number" : "a number of at least " + min;
    }

    @Override
    Object checkValue(Object value, String path, Violations violations) {
        Double d = toDouble(value);
        if (d == null || d.isNaN() || d.isInfinite() || d < min) {
            violations.mismatch(path, expectation(), value);
            return null;
        }
        return d;
    }

    private static Double toDouble(Object value) {
        if (value instanceof Double || value instanceof Float || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Byte || value instanceof BigInteger
                || value instanceof BigDecimal) {
            return ((Number) value).doubleValue();
        }
        return null;
    }
}
