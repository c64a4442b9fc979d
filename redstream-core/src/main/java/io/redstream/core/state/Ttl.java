package io.redstream.core.state;

import java.time.Duration;

/**
 * A key's remaining time to live.
 *
 * @param exists whether the key exists
 * @param remaining time left, or {@code null} when the key is missing or has no expiry
 */
public record Ttl(boolean exists, Duration remaining) {
    /**
     * Whether the key exists and never expires.
     *
     * @return {@code true} when the key exists without a TTL
     */
    public boolean isPersistent() {
        return exists && remaining == null;
    }
}
