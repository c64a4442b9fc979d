package io.redstream.core.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StreamEntryTest {
    @Test
    void fromFlatFields_keepsOrderAndIsUnmodifiable() {
        String[] flat = {"b", "2", "a", "1"};
        StreamEntry e = StreamEntry.fromFlatFields("nova:task:a:b", "1-0", flat, 3L);
        flat[1] = "changed"; // the array is read, not kept
        assertThat(e.fields()).containsExactly(java.util.Map.entry("b", "2"), java.util.Map.entry("a", "1"));
        assertThat(e.deliveries()).hasValue(3);
        assertThatThrownBy(() -> e.fields().put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void fromFlatFields_nullFields_isADeletedEntry() {
        assertThat(StreamEntry.fromFlatFields("nova:task:a:b", "1-0", null, null).isDeleted()).isTrue();
    }

    @Test
    void fromFlatFields_oddLength_isRejected() {
        assertThatThrownBy(() -> StreamEntry.fromFlatFields("nova:task:a:b", "1-0", new String[] {"a"}, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flatFields must hold name/value pairs, but had 1 elements");
    }
}
