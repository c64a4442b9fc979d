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

    /** The property or listener method concerned; see {@link #subject()}. */
    private final String subject;
    /** What the setting must be; see {@link #rule()}. */
    private final String rule;
    /** The value found, masked for secrets, or null; see {@link #value()}. */
    private final String value;

    /**
     * A configuration error without an underlying failure.
     *
     * @param subject the property ({@code redstream.pool-size}) or listener method ({@code Worker.handle(String)})
     * @param rule    what the setting must be, as a sentence fragment
     * @param value   the offending value as text, already masked if secret; null when the problem is an absence
     * @throws NullPointerException when {@code subject} or {@code rule} is null
     */
    public RedStreamConfigurationException(String subject, String rule, String value) {
        this(subject, rule, value, null);
    }

    /**
     * As {@link #RedStreamConfigurationException(String, String, String)}, keeping the underlying failure.
     *
     * @param subject the property or listener method concerned
     * @param rule    what the setting must be, as a sentence fragment
     * @param value   the offending value as text, already masked if secret; null when the problem is an absence
     * @param cause   the failure that revealed the problem (usually the core builder's
     *                {@link IllegalArgumentException}), or null
     * @throws NullPointerException when {@code subject} or {@code rule} is null
     */
    public RedStreamConfigurationException(String subject, String rule, String value, Throwable cause) {
        super(subject + ": " + requireNonNull(rule, "rule") + (value == null ? "" : " (value: " + value + ")"),
                cause);
        this.subject = requireNonNull(subject, "subject");
        this.rule = rule;
        this.value = value;
    }

    /**
     * The property or listener method concerned.
     *
     * @return for example {@code redstream.pool-size}, or {@code @RedStreamListener method ... attribute concurrency}
     */
    public String subject() {
        return subject;
    }

    /**
     * What the setting must be.
     *
     * @return the rule, as a sentence fragment
     */
    public String rule() {
        return rule;
    }

    /**
     * The value found.
     *
     * @return the value as text (masked for secrets), or null when the problem is an absence
     */
    public String value() {
        return value;
    }
}
