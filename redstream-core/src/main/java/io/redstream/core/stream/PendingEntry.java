package io.redstream.core.stream;

import java.time.Duration;

/** One pending entry: who holds it, for how long, and how often it was delivered. */
public record PendingEntry(String id, String consumer, Duration idle, long deliveries) {
}
