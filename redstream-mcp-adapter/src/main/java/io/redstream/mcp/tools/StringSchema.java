package io.redstream.mcp.tools;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A JSON string, optionally bounded in length, restricted to a pattern or to fixed values. */
public final class StringSchema extends Schema<StringSchema> {

    private int minLength;
    private int maxLength = Integer.MAX_VALUE;
    private Pattern pattern;
    private String patternHint;
    private List<String> allowed;
    private int maxBytes = Integer.MAX_VALUE;
    private String maxBytesSetting;

    StringSchema() {
    }

    /** Length in characters (UTF-16 code units), inclusive. */
    public StringSchema length(int min, int max) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("length must satisfy 0 <= min <= max, but was " + min + ".." + max);
        }
        this.minLength = min;
        this.maxLength = max;
        return this;
    }

    /** At least one character. */
    public StringSchema nonEmpty() {
        this.minLength = Math.max(1, minLength);
        return this;
    }

    /**
     * Must match {@code regex} entirely. {@code hint} says in words what matches, e.g.
     * {@code "a stream entry id such as 1526919030474-0"}; it is what the caller reads on failure.
     * Use regexes that mean the same in Java and ECMA-262 (JSON Schema's dialect).
     */
    public StringSchema pattern(String regex, String hint) {
        this.pattern = Pattern.compile(regex);
        this.patternHint = requireNonNull(hint, "hint");
        return this;
    }

    /** One of fixed values (JSON Schema {@code enum}). */
    public StringSchema oneOf(String... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("oneOf needs at least one value");
        }
        this.allowed = List.of(values);
        return this;
    }

    /**
     * A configured size limit in UTF-8 bytes; exceeding it is {@link ErrorCode#LIMIT_EXCEEDED}.
     * {@code setting} names the flag that changes it, e.g. {@code "--max-value-bytes"}.
     */
    public StringSchema maxBytes(int maxBytes, String setting) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1, but was " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.maxBytesSetting = requireNonNull(setting, "setting");
        return this;
    }

    @Override
    String jsonType() {
        return "string";
    }

    @Override
    void writeConstraints(Map<String, Object> json) {
        if (allowed != null) {
            json.put("enum", allowed);
        }
        if (minLength > 0) {
            json.put("minLength", minLength);
        }
        // A UTF-8 byte limit is not expressible in JSON Schema; as many characters is a true upper bound.
        int max = Math.min(maxLength, maxBytes);
        if (max != Integer.MAX_VALUE) {
            json.put("maxLength", max);
        }
        if (pattern != null) {
            json.put("pattern", pattern.pattern());
        }
    }

    @Override
    String expectation() {
        if (allowed != null) {
            return "one of " + allowed.stream().map(Violations::quote).collect(Collectors.joining(", "));
        }
        if (pattern != null) {
            return patternHint;
        }
        if (maxLength != Integer.MAX_VALUE) {
            return minLength == maxLength ? "a string of " + minLength + " characters"
                    : "a string of " + minLength + " to " + maxLength + " characters";
        }
        return minLength == 0 ? "a string"
                : minLength == 1 ? "a non-empty string" : "a string of at least " + minLength + " characters";
    }

    @Override
    Object checkValue(Object value, String path, Violations violations) {
        if (!(value instanceof String s)) {
            violations.mismatch(path, expectation(), value);
            return null;
        }
        if (allowed != null && !allowed.contains(s)
                || s.length() < minLength || s.length() > maxLength
                || pattern != null && !pattern.matcher(s).matches()) {
            violations.mismatch(path, expectation(), s);
            return null;
        }
        if (maxBytes != Integer.MAX_VALUE && s.length() > maxBytes / 3) {
            // Only long strings can exceed the limit; encoding is skipped for the rest.
            int bytes = utf8Length(s);
            if (bytes > maxBytes) {
                violations.limit(path, "at most " + maxBytes + " bytes as UTF-8", bytes + " bytes", maxBytesSetting);
                return null;
            }
        }
        return s;
    }

    static int utf8Length(String s) {
        return (int) Math.min(Integer.MAX_VALUE, Utf8.length(s));
    }
}
