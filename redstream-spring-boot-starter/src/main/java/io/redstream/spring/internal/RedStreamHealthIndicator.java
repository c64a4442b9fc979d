package io.redstream.spring.internal;

import io.redstream.core.RedStream;
import io.redstream.core.health.HealthReport;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code redstream} health component: a PING round trip through the client's pool ({@link RedStream#health()}),
 * with latency, server version, topology and pool usage as details. DOWN while Redis is unreachable, with the
 * reason (never a secret).
 */
public final class RedStreamHealthIndicator extends AbstractHealthIndicator {
    private final RedStream client;

    /**
     * An indicator for {@code client}.
     *
     * @param client the client whose pool is pinged on every health check
     */
    public RedStreamHealthIndicator(RedStream client) {
        super("RedStream health check failed");
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        HealthReport report = client.health();
        if (report.up()) {
            builder.up().withDetail("latencyMs", report.latency().toNanos() / 1_000_000.0)
                    .withDetail("redisVersion", report.redisVersion());
        } else {
            builder.down().withDetail("error", report.error());
        }
        builder.withDetail("topology", report.topology())
                .withDetail("poolActive", report.poolActive())
                .withDetail("poolIdle", report.poolIdle());
    }
}
