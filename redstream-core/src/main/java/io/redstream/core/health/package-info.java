/**
 * Health checks: {@link io.redstream.core.health.HealthReport}, returned by {@code RedStream.health()} (a
 * {@code PING} round trip, server version, topology and pool usage; never throws).
 */
package io.redstream.core.health;
