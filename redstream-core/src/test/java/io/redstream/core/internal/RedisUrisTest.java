package io.redstream.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedisUrisTest {

    @Test
    void parse_fullUri_extractsAllParts() {
        RedisUris.Parsed p = RedisUris.parse("rediss://app:s3cr%40t@redis.example:6380/3");
        assertThat(p.host()).isEqualTo("redis.example");
        assertThat(p.port()).isEqualTo(6380);
        assertThat(p.user()).isEqualTo("app");
        assertThat(p.password()).isEqualTo("s3cr@t");
        assertThat(p.database()).isEqualTo(3);
        assertThat(p.ssl()).isTrue();
        assertThat(p.toString()).doesNotContain("s3cr");
    }

    @Test
    void parse_passwordOnly_andDefaults() {
        RedisUris.Parsed p = RedisUris.parse("redis://secret@localhost");
        assertThat(p.user()).isNull();
        assertThat(p.password()).isEqualTo("secret");
        assertThat(p.port()).isEqualTo(6379);
        assertThat(p.database()).isZero();
        assertThat(p.ssl()).isFalse();
    }

    @Test
    void parse_badScheme_messageMasksPassword() {
        assertThatThrownBy(() -> RedisUris.parse("http://u:topsecret@host:1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scheme must be redis or rediss")
                .hasMessageNotContaining("topsecret");
    }

    @Test
    void parse_badDatabase_isRejected() {
        assertThatThrownBy(() -> RedisUris.parse("redis://host:1/abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database must be a number");
    }

    @Test
    void mask_hidesPasswordKeepsUser() {
        assertThat(RedisUris.mask("redis://user:pw@host:1")).isEqualTo("redis://user:***@host:1");
        assertThat(RedisUris.mask("redis://pw@host:1")).isEqualTo("redis://***@host:1");
        assertThat(RedisUris.mask("redis://host:1")).isEqualTo("redis://host:1");
    }

    @Test
    void parse_plusAndSlashInPassword_areKeptLiterally() {
        assertThat(RedisUris.parse("redis://u:a+b%2Fc@host:1").password()).isEqualTo("a+b/c");
        assertThat(RedisUris.parse("redis://u:%E2%82%AC50@host:1").password()).isEqualTo("€50");
        assertThat(RedisUris.decode("100%")).isEqualTo("100%");
    }
}
