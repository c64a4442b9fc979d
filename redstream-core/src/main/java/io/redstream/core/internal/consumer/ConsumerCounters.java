package io.redstream.core.internal.consumer;

import io.redstream.core.consumer.ConsumerStats;
import java.util.concurrent.atomic.LongAdder;

/** What a worker has done so far, counted without contention by every collaborator. Thread-safe. */
final class ConsumerCounters {
    final LongAdder processed = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder retried = new LongAdder();
    final LongAdder deadLettered = new LongAdder();
    final LongAdder claimed = new LongAdder();
    final LongAdder deleted = new LongAdder();
    final LongAdder acknowledged = new LongAdder();

    ConsumerStats snapshot(int inFlight, long lag) {
        return new ConsumerStats(processed.sum(), failed.sum(), retried.sum(), deadLettered.sum(), claimed.sum(),
                deleted.sum(), acknowledged.sum(), inFlight, lag);
    }
}
