package io.redstream.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlotRangeTest {

    @Test
    void split_threeMasters_matchesRedisCliLayout() {
        assertThat(SlotRange.split(3)).containsExactly(
                new SlotRange(0, 5460), new SlotRange(5461, 10922), new SlotRange(10923, 16383));
    }

    @Test
    void split_anyMasterCount_coversEverySlotExactlyOnce() {
        for (int masters = 1; masters <= 64; masters++) {
            List<SlotRange> ranges = SlotRange.split(masters);

            assertThat(ranges).hasSize(masters);
            assertThat(ranges.get(0).start()).isZero();
            assertThat(ranges.get(masters - 1).end()).isEqualTo(16383);
            for (int i = 1; i < masters; i++) {
                assertThat(ranges.get(i).start()).as("masters=%d range %d", masters, i).isEqualTo(ranges.get(i - 1).end() + 1);
            }
        }
    }

    @Test
    void split_zeroMasters_isRejected() {
        assertThatThrownBy(() -> SlotRange.split(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("masters must be between 1 and 16384, but was 0");
    }

    @Test
    void constructor_invertedRange_isRejected() {
        assertThatThrownBy(() -> new SlotRange(10, 9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("but was 10-9");
    }

    @Test
    void contains_isInclusiveOnBothEnds() {
        SlotRange range = new SlotRange(5461, 10922);

        assertThat(range.contains(5461)).isTrue();
        assertThat(range.contains(10922)).isTrue();
        assertThat(range.contains(5460)).isFalse();
        assertThat(range.contains(10923)).isFalse();
    }
}
