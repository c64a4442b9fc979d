package io.redstream.auth;

import static org.assertj.core.api.Assertions.assertThat;
import io.redstream.testkit.MutableClock;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenIssuerTest {
    private static final byte[] SECRET = "an-hs256-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8);
    private final MutableClock clock = MutableClock.at("2030-01-01T12:00:00.750Z");

    private static JsonNode part(String token, int index) throws Exception {
        return TestJwts.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[index]));
    }

    @Test
    void issue_writesEveryClaimTheVerifierNeeds() throws Exception {
        TokenIssuer issuer = TokenIssuer.builder().hmacSecret(SECRET).keyId("k1").issuer("rs").audience("api")
                .clock(clock).build();
        String token = issuer.issue("router", Set.of("task_write", "task_read"), Duration.ofMinutes(10));
        JsonNode header = part(token, 0);
        JsonNode claims = part(token, 1);
        assertThat(header.get("alg").asText()).isEqualTo("HS256");
        assertThat(header.get("kid").asText()).isEqualTo("k1");
        assertThat(claims.get("sub").asText()).isEqualTo("router");
        assertThat(claims.get("iss").asText()).isEqualTo("rs");
        assertThat(claims.get("aud").toString()).contains("api");
        assertThat(claims.get("roles").toString()).isEqualTo("[\"task_read\",\"task_write\"]");
        long iat = Instant.parse("2030-01-01T12:00:00Z").getEpochSecond();
        assertThat(claims.get("iat").asLong()).isEqualTo(iat);
        assertThat(claims.get("exp").asLong()).isEqualTo(iat + 600);
    }

    @Test
    void issue_defaultTtlIsOneHour() throws Exception {
        TokenIssuer issuer = TokenIssuer.builder().hmacSecret(SECRET).clock(clock).build();
        JsonNode claims = part(issuer.issue("router", Set.of("task_read")), 1);
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(3600);
    }

    @Test
    void issue_ttlOverMaximum() {
        TokenIssuer issuer = TokenIssuer.builder().hmacSecret(SECRET).clock(clock).build();
        assertThatThrownBy(() -> issuer.issue("router", Set.of("task_read"), Duration.ofHours(25)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ttl must be between 1 second and PT24H, but was PT25H");
    }

    @Test
    void issue_invalidSubjectOrRole() {
        TokenIssuer issuer = TokenIssuer.builder().hmacSecret(SECRET).clock(clock).build();
        assertThatThrownBy(() -> issuer.issue(" ", Set.of("task_read")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subject is blank");
        assertThatThrownBy(() -> issuer.issue("svc", Set.of("task read")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("every role must match [A-Za-z0-9_.-]{1,64}, but was 'task read'");
    }

    @Test
    void builder_requiresAKey() {
        assertThatThrownBy(() -> TokenIssuer.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a signing key is required");
    }

    @Test
    void builder_weakSecret() {
        assertThatThrownBy(() -> TokenIssuer.builder().hmacSecret(new byte[16]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hmacSecret must be at least 32 bytes (256 bits) for HS256, but was 16 bytes");
    }

    @Test
    void builder_defaultTtlOverMaximum() {
        assertThatThrownBy(() -> TokenIssuer.builder().hmacSecret(SECRET).maxLifetime(Duration.ofMinutes(30)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("defaultTtl must be between 1 second and maxLifetime PT30M, but was PT1H");
    }

    @Test
    void toString_hasNoKey() {
        TokenIssuer issuer = TokenIssuer.builder().hmacSecret(SECRET).keyId("k1").build();
        assertThat(issuer.toString()).isEqualTo("TokenIssuer[alg=HS256, kid=k1]");
    }
}
