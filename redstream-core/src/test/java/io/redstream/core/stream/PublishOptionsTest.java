package io.redstream.core.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PublishOptionsTest {

    @Test
    void maxLen_belowOne_isRejected() {
        assertThatThrownBy(() -> PublishOptions.builder().maxLen(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxLen must be at least 1, but was 0");
    }

    @Test
    void maxLenAndMinId_areExclusive() {
        assertThatThrownBy(() -> PublishOptions.builder().maxLen(10).minId("1-0").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exclusive");
    }

    @Test
    void id_mustLookLikeStreamId() {
        assertThatThrownBy(() -> PublishOptions.builder().id("abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<ms>-<seq>");
        assertThat(PublishOptions.builder().id("17-3").build().id()).isEqualTo("17-3");
    }

    @Test
    void toBuilder_roundTrips() {
        PublishOptions o = PublishOptions.builder().maxLen(5).exactTrim(true).noCreate(true).traceId("t").build();
        PublishOptions copy = o.toBuilder().build();
        assertThat(copy.maxLen()).isEqualTo(5);
        assertThat(copy.exactTrim()).isTrue();
        assertThat(copy.noCreate()).isTrue();
        assertThat(copy.traceId()).isEqualTo("t");
    }
}
