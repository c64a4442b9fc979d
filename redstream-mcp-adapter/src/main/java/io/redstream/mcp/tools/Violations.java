package io.redstream.mcp.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects schema violations of one value tree and renders them as one coded message. */
final class Violations {

    /** Enough to fix a call in one go, short enough to read. */
    static final int MAX_REPORTED = 8;

    private final String noun;
    private final List<String> messages = new ArrayList<>();
    private boolean invalid;
    private int count;

    /** @param noun how a path is introduced: "argument" for inputs, "result field" for outputs */
    Violations(String noun) {
        this.noun = noun;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** The value has the wrong type or is out of its (schema) range. */
    void mismatch(String path, String expectation, Object actual) {
        add(false, noun + " '" + path + "' must be " + expectation + ", but was " + render(actual));
    }

    /** Like {@link #mismatch}, with the actual value already described in words. */
    void mismatchDescribed(String path, String expectation, String description) {
        add(false, noun + " '" + path + "' must be " + expectation + ", but was " + description);
    }

    /** The value exceeds a configured server limit. */
    void limit(String path, String expectation, String actual, String setting) {
        add(true, noun + " '" + path + "' must be " + expectation + ", but was " + actual
                + " (server limit, set by " + setting + ")");
    }

    void missing(String path, String expectation) {
        add(false, "missing required " + noun + " '" + path + "' (" + expectation + ")");
    }

    void unknown(String path, String accepted) {
        add(false, "unknown " + noun + " '" + path + "' (" + accepted + ")");
    }

    private void add(boolean isLimit, String message) {
        count++;
        invalid |= !isLimit;
        if (messages.size() < MAX_REPORTED) {
            messages.add(message);
        }
    }

    /** INVALID_ARGUMENT when anything is invalid; LIMIT_EXCEEDED when only limits were exceeded. */
    ErrorCode code() {
        return invalid ? ErrorCode.INVALID_ARGUMENT : ErrorCode.LIMIT_EXCEEDED;
    }

    List<String> messages() {
        List<String> all = new ArrayList<>(messages);
        if (count > messages.size()) {
            all.add("and " + (count - messages.size()) + " more");
        }
        return all;
    }

    String message() {
        return String.join("; ", messages());
    }

    static String child(String parent, String name) {
        if (parent.isEmpty()) {
            return name;
        }
        return name.matches("[A-Za-z0-9_-]+") ? parent + "." + name : parent + "[" + quote(name) + "]";
    }

    static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** A short, recognisable rendering of a caller's value (long strings are cut). */
    static String render(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return s.length() > 40 ? quote(s.substring(0, 40)) + "... (a string of " + s.length() + " characters)"
                    : quote(s);
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        return String.valueOf(value);
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
