package io.redstream.core.stream;

import java.time.Duration;

/**
 * One pending entry: who holds it, for how long, and how often it was delivered.
 *
 * @param id the entry id
 * @param consumer the consumer holding it
 * @param idle how long since it was last delivered or touched
 * @param deliveries how many times it was delivered
 */
public record PendingEntry(String id, String consumer, Duration idle, long deliveries) {
}
