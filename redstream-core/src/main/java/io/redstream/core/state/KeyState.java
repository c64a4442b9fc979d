package io.redstream.core.state;

import java.time.Duration;

/**
 * A key's value and remaining time to live, read in one round trip.
 *
 * @param key the key name
 * @param exists whether the key exists
 * @param value the string value, or {@code null} when missing
 * @param ttl remaining time to live, or {@code null} when missing or persistent
 */
public record KeyState(String key, boolean exists, String value, Duration ttl) {
}
