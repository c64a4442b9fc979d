package io.redstream.core.internal;

import io.redstream.core.InvalidArgumentException;
import io.redstream.core.InvalidNameException;
import java.time.Duration;

/**
 * Argument rules of the coordination primitives (task boards, locks, presence). Messages name the parameter, the
 * rule and the value; values are cut to 64 characters so a hostile argument cannot flood a log line.
 */
public final class CoordinationArguments {
    /** Longest agent, owner or board name. */
    public static final int MAX_NAME_LENGTH = 128;
    private static final String SEGMENT_RULE = "1 to " + MAX_NAME_LENGTH + " characters of [A-Za-z0-9_-]";

    private CoordinationArguments() {
    }

    /**
     * An acting agent or lock owner: an entity segment of the {@code agent} domain, so the same name works in
     * {@code nova:agent:{agent}:presence}, in a consumer group and in an audit line.
     *
     * @param parameter the parameter's name, for the error message
     * @param value the value to check
     * @return {@code value}
     * @throws io.redstream.core.InvalidArgumentException {@code value} is {@code null} or not an entity segment
     */
    public static String agent(String parameter, String value) {
        if (value == null || !isSegment(value)) {
            throw new InvalidArgumentException(parameter + " must be " + SEGMENT_RULE + " (an entity segment of the"
                    + " agent domain), but was " + quote(value));
        }
        return value;
    }

    /**
     * A board name: one entity segment of the task domain.
     *
     * @param value the board name to check
     * @return {@code value}
     * @throws io.redstream.core.InvalidNameException {@code value} is {@code null} or not an entity segment
     */
    public static String board(String value) {
        if (value == null || !isSegment(value)) {
            throw new InvalidNameException("board name " + quote(value) + " is invalid: must be " + SEGMENT_RULE
                    + " (the entity segment of nova:task:{board}:tasks)");
        }
        return value;
    }

    /**
     * {@code value} within {@code [min, max]}, both inclusive.
     *
     * @param parameter the parameter's name, for the error message
     * @param value the value to check
     * @param min the shortest duration allowed
     * @param max the longest duration allowed
     * @return {@code value}
     * @throws io.redstream.core.InvalidArgumentException {@code value} is {@code null} or out of range
     */
    public static Duration duration(String parameter, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new InvalidArgumentException(parameter + " must be between " + human(min) + " and " + human(max)
                    + ", but was " + (value == null ? "null" : human(value)));
        }
        return value;
    }

    /**
     * Optional free text of at most {@code max} characters; {@code null} stays {@code null}.
     *
     * @param parameter the parameter's name, for the error message
     * @param value the value to check; may be {@code null}
     * @param max the most characters allowed
     * @return {@code value}
     * @throws io.redstream.core.InvalidArgumentException {@code value} is longer than {@code max}
     */
    public static String optionalText(String parameter, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidArgumentException(parameter + " must be at most " + max + " characters, but had "
                    + value.length());
        }
        return value;
    }

    /**
     * Required text: 1 to {@code max} characters, not blank.
     *
     * @param parameter the parameter's name, for the error message
     * @param value the value to check
     * @param max the most characters allowed
     * @return {@code value}
     * @throws io.redstream.core.InvalidArgumentException {@code value} is {@code null}, blank or too long
     */
    public static String text(String parameter, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidArgumentException(parameter + " must not be blank, but was " + quote(value));
        }
        return optionalText(parameter, value, max);
    }

    /**
     * {@code value} within {@code [min, max]}.
     *
     * @param parameter the parameter's name, for the error message
     * @param value the value to check
     * @param min the lowest value allowed
     * @param max the highest value allowed
     * @return {@code value}
     * @throws io.redstream.core.InvalidArgumentException {@code value} is out of range
     */
    public static int between(String parameter, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidArgumentException(parameter + " must be between " + min + " and " + max + ", but was "
                    + value);
        }
        return value;
    }

    /**
     * A duration as a person writes it: {@code 500 ms}, {@code 30 s}, {@code 5 min}, {@code 24 h}.
     *
     * @param d the duration; not {@code null}
     * @return the duration in the largest whole unit of hours, minutes, seconds or milliseconds
     */
    public static String human(Duration d) {
        long ms = d.toMillis();
        if (ms != 0 && ms % 3_600_000 == 0) {
            return ms / 3_600_000 + " h";
        }
        if (ms != 0 && ms % 60_000 == 0) {
            return ms / 60_000 + " min";
        }
        if (ms != 0 && ms % 1000 == 0) {
            return ms / 1000 + " s";
        }
        return ms + " ms";
    }

    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        return "'" + (value.length() > 64 ? value.substring(0, 64) + "..." : value) + "'";
    }

    private static boolean isSegment(String s) {
        return s.length() <= MAX_NAME_LENGTH && io.redstream.core.naming.NamingPolicy.isSegment(s);
    }
}
