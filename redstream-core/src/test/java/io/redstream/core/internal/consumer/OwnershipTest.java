package io.redstream.core.internal.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.redstream.core.stream.StreamEntry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnershipTest {
    private final Ownership ownership = new Ownership();

    private static StreamEntry entry(String id) {
        return new StreamEntry("nova:task:a:b", id, Map.of("n", "1"), 1L);
    }

    @Test
    void inFlight_thenAwaitingAck_thenRelease_leavesNothingHeld() {
        ownership.inFlight(entry("1-0"), 1);
        assertThat(ownership.isHeld("1-0")).isTrue();
        assertThat(ownership.inFlightCount()).isEqualTo(1);

        ownership.awaitingAck("1-0");
        assertThat(ownership.isHeld("1-0")).isTrue();
        assertThat(ownership.inFlightCount()).isZero();

        ownership.release("1-0");
        assertThat(ownership.isHeld("1-0")).isFalse();
        assertThat(ownership.size()).isZero();
    }

    @Test
    void retryAt_keepsTheEntryHeldUntilDueAndAgainWhenRedispatched() {
        ownership.inFlight(entry("2-0"), 1);
        ownership.retryAt(entry("2-0"), 1, 1_000);
        assertThat(ownership.inFlightCount()).isZero();
        assertThat(ownership.isHeld("2-0")).isTrue();

        assertThat(ownership.dueRetries(999)).isEmpty();
        Ownership.Held due = ownership.dueRetries(1_000).get(0);
        assertThat(due.entry().id()).isEqualTo("2-0");
        assertThat(due.deliveries()).isEqualTo(1);
        assertThat(ownership.isCurrent(due)).isTrue();

        ownership.inFlight(entry("2-0"), 2);
        assertThat(ownership.isCurrent(due)).isFalse();
        assertThat(ownership.dueRetries(Long.MAX_VALUE)).isEmpty();
        assertThat(ownership.inFlightCount()).isEqualTo(1);
    }

    @Test
    void ids_coverEveryState() {
        ownership.inFlight(entry("1-0"), 1);
        ownership.inFlight(entry("2-0"), 1);
        ownership.retryAt(entry("2-0"), 1, 0);
        ownership.inFlight(entry("3-0"), 1);
        ownership.awaitingAck("3-0");

        assertThat(ownership.ids()).containsExactlyInAnyOrder("1-0", "2-0", "3-0");
        assertThat(ownership.inFlightCount()).isEqualTo(1);
    }

    @Test
    void release_ofAnIdNotHeld_changesNothing() {
        ownership.inFlight(entry("1-0"), 1);
        ownership.release("9-0");
        assertThat(ownership.inFlightCount()).isEqualTo(1);
        assertThat(ownership.size()).isEqualTo(1);
    }
}
