package io.redstream.spring.autoconfigure;

import io.redstream.core.RedStream;
import io.redstream.spring.internal.RedStreamHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code redstream} health component ({@code /actuator/health/redstream}) when Spring Boot's health support is
 * on the classpath (it comes with the actuator); {@code management.health.redstream.enabled=false} turns it off.
 */
@AutoConfiguration(after = RedStreamAutoConfiguration.class,
        beforeName = "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration")
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(RedStream.class)
@ConditionalOnEnabledHealthIndicator("redstream")
public class RedStreamHealthAutoConfiguration {

    /** Created by Spring Boot when the auto-configuration applies; not for direct use. */
    public RedStreamHealthAutoConfiguration() {
    }

    /**
     * The health indicator; named so that the component is {@code redstream}: Boot drops the {@code HealthIndicator}
     * suffix.
     *
     * @param redStream the client whose health is reported
     * @return the indicator
     */
    @Bean
    @ConditionalOnMissingBean(name = "redstreamHealthIndicator")
    public RedStreamHealthIndicator redstreamHealthIndicator(RedStream redStream) {
        return new RedStreamHealthIndicator(redStream);
    }
}
