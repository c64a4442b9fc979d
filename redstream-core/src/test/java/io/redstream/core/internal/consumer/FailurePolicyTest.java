package io.redstream.core.internal.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.redstream.core.consumer.ConsumerSettings;
import io.redstream.core.stream.StreamEntry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decisions that need no Redis; dead-lettering itself is covered against a real Redis by ConsumerRuntimeIT. */
class FailurePolicyTest {
    private final ConsumerSettings settings = ConsumerSettings.builder("nova:task:a:b", "g", "c").maxDeliveries(3)
            .retryDelay(Duration.ofMillis(100)).maxRetryDelay(Duration.ofSeconds(1)).build();
    private final Ownership ownership = new Ownership();
    private final ConsumerCounters counters = new ConsumerCounters();
    // No group operations: none of the paths tested here sends a command.
    private final FailurePolicy policy = new FailurePolicy(null, settings, ownership, counters);

    private static StreamEntry entry(String id) {
        return new StreamEntry("nova:task:a:b", id, Map.of("n", "1"), null);
    }

    @Test
    void settleWithoutHandling_trimmedEntry_isSettledWithReason() {
        StreamEntry trimmed = new StreamEntry("nova:task:a:b", "1-0", null, 1L);
        assertThat(policy.settleWithoutHandling(trimmed, 1)).contains("deleted or trimmed");
    }

    @Test
    void settleWithoutHandling_deliveredMoreThanMax_isSettledNamingTheCount() {
        assertThat(policy.settleWithoutHandling(entry("1-0"), 4)).contains("delivered 4 times")
                .contains("maxDeliveries 3");
        assertThat(policy.settleWithoutHandling(entry("1-0"), 3)).isNull();
    }

    @Test
    void handlerFailed_beforeLastDelivery_schedulesARetryWithBackoff() {
        ownership.inFlight(entry("1-0"), 2);
        long before = System.nanoTime();
        policy.handlerFailed(entry("1-0"), 2, new IllegalStateException("boom"));

        Ownership.Held held = ownership.dueRetries(Long.MAX_VALUE / 2 + before).get(0);
        assertThat(held.state()).isEqualTo(Ownership.State.RETRY_WAIT);
        assertThat(held.deliveries()).isEqualTo(2);
        // Second delivery failed: 100 ms << 1 = 200 ms before the next attempt.
        assertThat(held.dueNanos() - before).isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
        assertThat(ownership.dueRetries(before)).isEmpty();
        assertThat(ownership.inFlightCount()).isZero();
        assertThat(counters.failed.sum()).isEqualTo(1);
        assertThat(counters.retried.sum()).isEqualTo(1);
    }
}
