package io.redstream.spring.internal;

import io.redstream.spring.RedStreamConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link RedStreamConfigurationException} the way Spring Boot reports its own configuration errors: what
 * is wrong where, the rule and the value found, then what to change — instead of a stack trace.
 */
public final class RedStreamFailureAnalyzer extends AbstractFailureAnalyzer<RedStreamConfigurationException> {

    /** Created by Spring Boot from {@code META-INF/spring.factories}. */
    public RedStreamFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RedStreamConfigurationException cause) {
        StringBuilder description = new StringBuilder("Invalid RedStream configuration.\n\n")
                .append("    Setting: ").append(cause.subject()).append('\n')
                .append("    Rule:    ").append(cause.rule()).append('\n');
        if (cause.value() != null) {
            description.append("    Value:   ").append(cause.value()).append('\n');
        }
        String action = cause.subject().startsWith("@RedStreamListener")
                ? "Fix the @RedStreamListener method named above (see docs/spring-boot.md for its attributes)."
                : "Update " + cause.subject().split(" ")[0] + " in your application's configuration (application"
                        + ".properties/.yml, environment variables or command-line arguments) to follow the rule above.";
        return new FailureAnalysis(description.toString(), action, cause);
    }
}
