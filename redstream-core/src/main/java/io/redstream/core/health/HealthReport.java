package io.redstream.core.health;

import java.time.Duration;

/**
 * The state of the connection to Redis. {@link io.redstream.core.RedStream#health()} never throws: a failure is
 * a report with {@code up == false} and the error.
 *
 * @param up whether a PING round trip succeeded
 * @param latency the PING round trip, or {@code null} when down
 * @param redisVersion the server's version, or {@code null} when down
 * @param topology {@code standalone} or {@code cluster (N masters)}
 * @param poolActive connections in use (summed over nodes on a cluster)
 * @param poolIdle idle pooled connections
 * @param error why it is down (no secrets), or {@code null}
 */
public record HealthReport(boolean up, Duration latency, String redisVersion, String topology, int poolActive,
        int poolIdle, String error) {
    /**
     * The status as a health endpoint shows it.
     *
     * @return {@code "UP"} or {@code "DOWN"}
     */
    public String status() {
        return up ? "UP" : "DOWN";
    }
}
