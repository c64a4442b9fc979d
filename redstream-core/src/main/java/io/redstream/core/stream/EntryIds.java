package io.redstream.core.stream;

import io.redstream.core.InvalidArgumentException;

/** Checks of stream entry ids and range bounds, shared by every stream operation. */
public final class EntryIds {
    private EntryIds() {
    }

    /** {@code ms} or {@code ms-seq}, each 1 to 20 digits; hand-written because acks check every id. */
    static boolean isId(String s) {
        int dash = s.indexOf('-');
        if (dash < 0) {
            return digits(s, 0, s.length());
        }
        return digits(s, 0, dash) && digits(s, dash + 1, s.length());
    }

    private static boolean digits(String s, int from, int to) {
        int n = to - from;
        if (n < 1 || n > 20) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code id} is a concrete id {@code ms} or {@code ms-seq} (each 1 to 20 digits).
     *
     * @param id the text to check; may be {@code null}
     * @return {@code true} for a concrete id
     */
    public static boolean isValidId(String id) {
        return id != null && isId(id);
    }

    /**
     * A concrete id {@code ms} or {@code ms-seq}.
     *
     * @param name the argument's name, for the error message
     * @param id the value to check
     * @return {@code id}
     * @throws io.redstream.core.InvalidArgumentException {@code id} is {@code null} or not a concrete id
     */
    public static String requireId(String name, String id) {
        if (id == null || !isId(id)) {
            throw new InvalidArgumentException(name + " must be a stream id like 1700000000000-0, but was "
                    + quote(id));
        }
        return id;
    }

    /**
     * A range bound: an id, an exclusive {@code (id}, or {@code -} / {@code +}.
     *
     * @param name the argument's name, for the error message
     * @param bound the value to check
     * @return {@code bound}
     * @throws io.redstream.core.InvalidArgumentException {@code bound} is {@code null} or not a bound
     */
    public static String requireBound(String name, String bound) {
        if (bound != null && (bound.equals("-") || bound.equals("+"))) {
            return bound;
        }
        if (bound != null && bound.startsWith("(") && isId(bound.substring(1))) {
            return bound;
        }
        if (bound != null && isId(bound)) {
            return bound;
        }
        throw new InvalidArgumentException(name + " must be a stream id, '(' + id (exclusive), '-' or '+', but was "
                + quote(bound));
    }

    /**
     * A read offset: an id, or {@code $} for only new entries.
     *
     * @param name the argument's name, for the error message
     * @param offset the value to check
     * @return {@code offset}
     * @throws io.redstream.core.InvalidArgumentException {@code offset} is {@code null} or neither an id nor {@code $}
     */
    public static String requireOffset(String name, String offset) {
        if ("$".equals(offset)) {
            return offset;
        }
        if (offset == null || !isId(offset)) {
            throw new InvalidArgumentException(name + " must be a stream id (read after it) or '$' (only new"
                    + " entries), but was " + quote(offset));
        }
        return offset;
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + (s.length() > 64 ? s.substring(0, 64) + "..." : s) + "'";
    }
}
