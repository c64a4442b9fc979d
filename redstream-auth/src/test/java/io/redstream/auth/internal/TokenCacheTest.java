package io.redstream.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.redstream.auth.Principal;
import org.junit.jupiter.api.Test;

class TokenCacheTest {
    private final Principal p = Principal.localAdmin();

    @Test
    void get_expiresAtTheGivenInstant() {
        TokenCache cache = new TokenCache(10);
        cache.put("t", p, 1_000, 0);
        assertThat(cache.get("t", 999)).isSameAs(p);
        assertThat(cache.get("t", 1_000)).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void put_staysBounded() {
        TokenCache cache = new TokenCache(3);
        for (int i = 0; i < 10; i++) {
            cache.put("t" + i, p, 1_000, 0);
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
        assertThat(cache.get("t9", 0)).isSameAs(p);
    }

    @Test
    void put_purgesExpiredBeforeClearing() {
        TokenCache cache = new TokenCache(2);
        cache.put("old", p, 10, 0);
        cache.put("live", p, 1_000, 0);
        cache.put("new", p, 1_000, 20);
        assertThat(cache.get("live", 20)).isSameAs(p);
        assertThat(cache.get("new", 20)).isSameAs(p);
    }

    @Test
    void put_sizeZeroDisables() {
        TokenCache cache = new TokenCache(0);
        cache.put("t", p, 1_000, 0);
        assertThat(cache.get("t", 0)).isNull();
    }
}
