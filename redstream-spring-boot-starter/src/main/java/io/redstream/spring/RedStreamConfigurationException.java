package io.redstream.spring;

import static java.util.Objects.requireNonNull;

/**
 * A RedStream setting the application cannot start with: a {@code redstream.*} property, or an attribute or the
 * signature of a {@link RedStreamListener} method. Says what is wrong where ({@link #subject()}), which rule it
 * breaks ({@link #rule()}) and the value found ({@link #value()}, masked for secrets). Spring Boot's failure
 * analysis prints these three instead of a stack trace.
 *
 * <p>Immutable.
 */
public final class RedStreamConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String subject;
    private final String rule;
    private final String value;

    /**
     * @param subject the property ({@code redstream.pool-size}) or listener method ({@code Worker.handle(String)})
     * @param rule    what the setting must be, as a sentence fragment
     * @param value   the offending value as text, already masked if secret; null when the problem is an absence
     */
    public RedStreamConfigurationException(String subject, String rule, String value) {
        this(subject, rule, value, null);
    }

    /** As {@link #RedStreamConfigurationException(String, String, String)}, keeping the underlying failure. */
    public RedStreamConfigurationException(String subject, String rule, String value, Throwable cause) {
        super(subject + ": " + requireNonNull(rule, "rule") + (value == null ? "" : " (value: " + value + ")"),
                cause);
        this.subject = requireNonNull(subject, "subject");
        this.rule = rule;
        this.value = value;
    }

    /** The property or listener method concerned. */
    public String subject() {
        return subject;
    }

    /** What the setting must be. */
    public String rule() {
        return rule;
    }

    /** The value found (masked for secrets), or null. */
    public String value() {
        return value;
    }
}
