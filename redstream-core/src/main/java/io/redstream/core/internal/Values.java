package io.redstream.core.internal;

import io.redstream.core.InvalidArgumentException;
import io.redstream.core.LimitExceededException;
import io.redstream.core.Limits;
import java.nio.charset.StandardCharsets;

/** Encodes state values: strings as they are, anything else as JSON, bounded by {@link Limits#maxValueBytes()}. */
public final class Values {
    private Values() {
    }

    /**
     * Encodes a state value.
     *
     * @param key the key, for the error message
     * @param value the value; strings are kept, others written as JSON
     * @param limits the bounds to check the encoded size against
     * @return the text to store
     * @throws io.redstream.core.InvalidArgumentException {@code value} is {@code null} or cannot be written as JSON
     * @throws io.redstream.core.LimitExceededException the encoded value exceeds {@code limits.maxValueBytes}
     */
    public static String encode(String key, Object value, Limits limits) {
        if (value == null) {
            throw new InvalidArgumentException("value of '" + key + "' must not be null; delete the key instead");
        }
        String s = value instanceof CharSequence cs ? cs.toString() : Json.write("value of '" + key + "'", value);
        // Cheap bound first: a UTF-8 byte is at most 3 bytes per char; count exactly only when it could matter.
        if ((long) s.length() * 3 > limits.maxValueBytes()) {
            int bytes = s.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > limits.maxValueBytes()) {
                throw new LimitExceededException("value of '" + key + "' must be at most " + limits.maxValueBytes()
                        + " bytes, but was " + bytes);
            }
        }
        return s;
    }
}
