package io.redstream.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void redact_uriCredentials_apiKeySecrets_jwts_andPairs() {
        assertThat(Redaction.redact("connect redis://default:s3cret@10.0.0.1:6379/0 failed"))
                .isEqualTo("connect redis://***@10.0.0.1:6379/0 failed");
        assertThat(Redaction.redact("key rsk_ab12_verysecretpart used")).isEqualTo("key rsk_ab12_*** used");
        assertThat(Redaction.redact("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig-nature_x"))
                .isEqualTo("Bearer <jwt>");
        assertThat(Redaction.redact("password=hunter2, token: abc")).isEqualTo("password=***, token: ***");
    }

    @Test
    void redact_plainText_isUnchanged() {
        assertThat(Redaction.redact("stream nova:task:x:y not found")).isEqualTo("stream nova:task:x:y not found");
        assertThat(Redaction.redact("lacks action 'key.get' on 'nova:user:auth:42'"))
                .isEqualTo("lacks action 'key.get' on 'nova:user:auth:42'");
        assertThat(Redaction.redact("key nova:agent:token:x")).isEqualTo("key nova:agent:token:x");
        assertThat(Redaction.redact(null)).isNull();
    }

    @Test
    void describe_includesCausesAndFrames_butRedactsMessages() {
        Exception e = new RuntimeException("outer", new IllegalStateException("auth=topsecret"));

        String text = Redaction.describe(e);

        assertThat(text).contains("java.lang.RuntimeException: outer").contains("Caused by: java.lang.IllegalStateException: auth=***")
                .contains("\tat ").doesNotContain("topsecret");
    }

    @Test
    void redact_passwordWithSlashOrAt_isMaskedWhole() {
        assertThat(Redaction.redact("connect redis://u:pa/ss@host:6379 failed"))
                .isEqualTo("connect redis://***@host:6379 failed");
        assertThat(Redaction.redact("redis://u:p@ss@host:1/0")).isEqualTo("redis://***@host:1/0");
    }
}
