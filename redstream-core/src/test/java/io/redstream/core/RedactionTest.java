package io.redstream.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void redact_masksUriPasswordsApiKeySecretsJwtsAndPairs() {
        assertThat(Redaction.redact("redis://user:p@ss/w@rd@host:6379/0 and rediss://:x@h"))
                .isEqualTo("redis://***@host:6379/0 and rediss://***@h");
        assertThat(Redaction.redact("key rsk_abc123def456_SECRETsecretSECRET-_x used"))
                .isEqualTo("key rsk_abc123def456_*** used");
        assertThat(Redaction.redact("bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln done"))
                .isEqualTo("bearer <jwt> done");
        assertThat(Redaction.redact("password=hunter2, token: abc; secret=x")).isEqualTo("password=***, token: ***;"
                + " secret=***");
        assertThat(Redaction.redact("nova:user:auth:42 stays")).isEqualTo("nova:user:auth:42 stays");
        assertThat(Redaction.redact(null)).isNull();
    }

    @Test
    void describe_isOneLine_withCausesRedacted_andNoStackTrace() {
        Exception e = new IllegalStateException("cannot reach redis://u:pw@h:1\nsecond line",
                new java.io.IOException("token=abc"));
        String d = Redaction.describe(e);
        assertThat(d).startsWith("java.lang.IllegalStateException: cannot reach redis://***@h:1 second line (at ")
                .contains("; caused by java.io.IOException: token=***").doesNotContain("\n").doesNotContain("\tat ")
                .doesNotContain("pw");
    }
}
