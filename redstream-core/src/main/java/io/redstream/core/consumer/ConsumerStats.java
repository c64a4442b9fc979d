package io.redstream.core.consumer;

/**
 * A snapshot of a consumer's counters since it started.
 *
 * @param processed entries the handler finished (and that were or will be acknowledged)
 * @param failed handler invocations that threw
 * @param retried redeliveries scheduled after a failure
 * @param deadLettered entries moved to the dead-letter stream
 * @param claimed entries taken over from idle consumers
 * @param deleted pending entries found trimmed or deleted from the stream
 * @param acknowledged entries acknowledged in Redis
 * @param inFlight entries currently held by handlers
 * @param lag entries in the stream not yet delivered to the group, or -1 when unknown
 */
public record ConsumerStats(long processed, long failed, long retried, long deadLettered, long claimed, long deleted,
        long acknowledged, int inFlight, long lag) {
}
