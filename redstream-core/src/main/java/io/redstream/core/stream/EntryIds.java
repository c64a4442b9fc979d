package io.redstream.core.stream;

import io.redstream.core.InvalidArgumentException;
import java.util.regex.Pattern;

/** Checks of stream entry ids and range bounds, shared by every stream operation. */
public final class EntryIds {
    private static final Pattern ID = Pattern.compile("\\d{1,20}(-\\d{1,20})?");

    private EntryIds() {
    }

    /** A concrete id {@code ms} or {@code ms-seq}. */
    public static String requireId(String name, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidArgumentException(name + " must be a stream id like 1700000000000-0, but was "
                    + quote(id));
        }
        return id;
    }

    /** A range bound: an id, an exclusive {@code (id}, or {@code -} / {@code +}. */
    public static String requireBound(String name, String bound) {
        if (bound != null && (bound.equals("-") || bound.equals("+"))) {
            return bound;
        }
        if (bound != null && bound.startsWith("(") && ID.matcher(bound.substring(1)).matches()) {
            return bound;
        }
        if (bound != null && ID.matcher(bound).matches()) {
            return bound;
        }
        throw new InvalidArgumentException(name + " must be a stream id, '(' + id (exclusive), '-' or '+', but was "
                + quote(bound));
    }

    /** A read offset: an id, or {@code $} for only new entries. */
    public static String requireOffset(String name, String offset) {
        if ("$".equals(offset)) {
            return offset;
        }
        if (offset == null || !ID.matcher(offset).matches()) {
            throw new InvalidArgumentException(name + " must be a stream id (read after it) or '$' (only new"
                    + " entries), but was " + quote(offset));
        }
        return offset;
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + (s.length() > 64 ? s.substring(0, 64) + "..." : s) + "'";
    }
}
