package io.redstream.auth;

import static org.assertj.core.api.Assertions.assertThat;
import io.redstream.testkit.MutableClock;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonwebtoken.Jwts;
import io.redstream.core.AuthenticationException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {
    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final byte[] SECRET = "an-hs256-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8);

    private final MutableClock clock = new MutableClock(NOW);

    private static KeyPair keyPair(String alg, Object spec) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(alg);
        if (spec instanceof Integer bits) {
            g.initialize(bits);
        } else {
            g.initialize((ECGenParameterSpec) spec);
        }
        return g.generateKeyPair();
    }

    @Test
    void authenticate_hs256TokenFromIssuer() {
        TokenIssuer issuer = TokenIssuer.builder().hmacSecret(SECRET).issuer("rs").audience("api").clock(clock)
                .build();
        Authenticator auth = Authenticator.builder().hmacSecret(SECRET).issuer("rs").audience("api").clock(clock)
                .build();
        Principal p = auth.authenticate(issuer.issue("task-router", Set.of("task_write", "task_read")));
        assertThat(p.subject()).isEqualTo("task-router");
        assertThat(p.roles()).containsExactly("task_read", "task_write");
        assertThat(p.method()).isEqualTo(new AuthMethod.Jwt(null, "rs"));
        assertThat(p.method().id()).isEqualTo("jwt");
    }

    @Test
    void authenticate_rs256WithKid() throws Exception {
        KeyPair rsa = keyPair("RSA", 2048);
        TokenIssuer issuer = TokenIssuer.builder().privateKey(rsa.getPrivate()).keyId("rsa-1").clock(clock).build();
        Authenticator auth = Authenticator.builder().publicKey("rsa-1", rsa.getPublic())
                .hmacSecret("hmac-1", SECRET).clock(clock).build();
        Principal p = auth.authenticate(issuer.issue("svc", Set.of("admin")));
        assertThat(p.method()).isEqualTo(new AuthMethod.Jwt("rsa-1", null));
        assertThat(p.method().describe()).isEqualTo("jwt(kid=rsa-1)");
    }

    @Test
    void authenticate_es256() throws Exception {
        KeyPair ec = keyPair("EC", new ECGenParameterSpec("secp256r1"));
        TokenIssuer issuer = TokenIssuer.builder().privateKey(ec.getPrivate()).clock(clock).build();
        Authenticator auth = Authenticator.builder().publicKey(ec.getPublic()).clock(clock).build();
        assertThat(auth.authenticate(issuer.issue("svc", Set.of("task_read"))).subject()).isEqualTo("svc");
        assertThat(issuer.toString()).contains("ES256");
    }

    @Test
    void authenticate_es256TokenAgainstAnotherEcKey() throws Exception {
        KeyPair ec = keyPair("EC", new ECGenParameterSpec("secp256r1"));
        KeyPair other = keyPair("EC", new ECGenParameterSpec("secp256r1"));
        TokenIssuer issuer = TokenIssuer.builder().privateKey(other.getPrivate()).clock(clock).build();
        Authenticator auth = Authenticator.builder().publicKey(ec.getPublic()).clock(clock).build();
        assertThatThrownBy(() -> auth.authenticate(issuer.issue("svc", Set.of("task_read"))))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("token signature is invalid");
    }

    @Test
    void authenticate_tokenFromJjwtWithAudienceArray() {
        String token = Jwts.builder().subject("svc").claim("roles", List.of("task_read"))
                .audience().add("api").add("other").and()
                .issuedAt(Date.from(NOW)).expiration(Date.from(NOW.plusSeconds(60)))
                .signWith(new javax.crypto.spec.SecretKeySpec(SECRET, "HmacSHA256"), Jwts.SIG.HS256).compact();
        Authenticator auth = Authenticator.builder().hmacSecret(SECRET).audience("api").clock(clock).build();
        assertThat(auth.authenticate(token).subject()).isEqualTo("svc");
    }

    @Test
    void authenticate_cachedUntilExpiry() {
        TokenIssuer issuer = TokenIssuer.builder().hmacSecret(SECRET).clock(clock).build();
        Authenticator auth = Authenticator.builder().hmacSecret(SECRET).clock(clock).clockSkew(Duration.ZERO)
                .build();
        String token = issuer.issue("svc", Set.of("task_read"), Duration.ofMinutes(5));
        Principal first = auth.authenticate(token);
        assertThat(auth.authenticate(token)).isSameAs(first);
        clock.advance(Duration.ofMinutes(4));
        assertThat(auth.authenticate(token)).isSameAs(first);
        clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> auth.authenticate(token))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("token expired at 2030-01-01T12:05:00Z");
    }

    @Test
    void authenticate_cacheOffVerifiesEveryTime() {
        TokenIssuer issuer = TokenIssuer.builder().hmacSecret(SECRET).clock(clock).build();
        Authenticator auth = Authenticator.builder().hmacSecret(SECRET).clock(clock).tokenCacheSize(0).build();
        String token = issuer.issue("svc", Set.of("task_read"));
        assertThat(auth.authenticate(token)).isNotSameAs(auth.authenticate(token)).isEqualTo(auth.authenticate(token));
    }

    @Test
    void authenticate_failuresAreNotCached() {
        Authenticator auth = Authenticator.builder().hmacSecret(SECRET).clock(clock).build();
        String early = TestJwts.valid("HS256", NOW).claim("nbf", NOW.getEpochSecond() + 600).hmac(SECRET);
        assertThatThrownBy(() -> auth.authenticate(early)).hasMessageContaining("not valid yet");
        clock.advance(Duration.ofMinutes(10));
        assertThat(auth.authenticate(early).subject()).isEqualTo("svc-a");
    }

    @Test
    void authenticate_apiKeyGoesToTheKeyStore() {
        GeneratedApiKey key = new ApiKeyGenerator().generate(Set.of("task_read"), "svc-keys", null);
        Authenticator auth = Authenticator.builder().apiKeys(ApiKeys.of(List.of(key.record()))).clock(clock).build();
        Principal p = auth.authenticate(key.key());
        assertThat(p.subject()).isEqualTo("svc-keys");
        assertThat(p.method()).isEqualTo(new AuthMethod.ApiKey(key.id()));
        assertThat(auth.acceptsApiKeys()).isTrue();
        assertThat(auth.acceptsJwt()).isFalse();
    }

    @Test
    void authenticate_methodNotConfigured() {
        Authenticator jwtOnly = Authenticator.builder().hmacSecret(SECRET).build();
        Authenticator keysOnly = Authenticator.builder().apiKeys(ApiKeys.empty()).build();
        assertThatThrownBy(() -> jwtOnly.authenticate("rsk_abc"))
                .hasMessageContaining("API key authentication is not configured");
        assertThatThrownBy(() -> keysOnly.authenticate("eyJ.eyJ.sig"))
                .hasMessageContaining("JWT authentication is not configured");
    }

    @Test
    void authenticate_missingCredential() {
        Authenticator auth = Authenticator.builder().hmacSecret(SECRET).build();
        assertThatThrownBy(() -> auth.authenticate(null))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("no credential given");
        assertThatThrownBy(() -> auth.authenticate(" "))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("no credential given");
    }

    @Test
    void authenticate_overlongCredential() {
        Authenticator auth = Authenticator.builder().hmacSecret(SECRET).build();
        assertThatThrownBy(() -> auth.authenticate("a".repeat(9000)))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("credential is too long: 9000 characters, at most 8192");
    }

    @Test
    void builder_nothingConfigured() {
        assertThatThrownBy(() -> Authenticator.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("configure at least one JWT key");
    }

    @Test
    void builder_twoUnnamedKeysOfOneAlgorithm() {
        assertThatThrownBy(() -> Authenticator.builder().hmacSecret(SECRET)
                .hmacSecret("another-secret-another-secret-another-secret".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two keys without keyId use HS256");
    }

    @Test
    void builder_duplicateKid() {
        assertThatThrownBy(() -> Authenticator.builder().hmacSecret("k", SECRET).hmacSecret("k", SECRET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keyId must be unique, but 'k' is configured twice");
    }

    @Test
    void builder_weakRsaKey() throws Exception {
        KeyPair weak = keyPair("RSA", 1024);
        assertThatThrownBy(() -> Authenticator.builder().publicKey(weak.getPublic()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("publicKey must be an RSA key of at least 2048 bits for RS256, but has 1024"
                        + " bits");
    }

    @Test
    void builder_ecKeyOnOtherCurve() throws Exception {
        KeyPair p384 = keyPair("EC", new ECGenParameterSpec("secp384r1"));
        assertThatThrownBy(() -> Authenticator.builder().publicKey(p384.getPublic()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("publicKey must be an EC key on curve P-256 for ES256, but its field has 384"
                        + " bits");
    }

    @Test
    void builder_badDurations() {
        assertThatThrownBy(() -> Authenticator.builder().maxTokenLifetime(Duration.ZERO))
                .hasMessageContaining("maxTokenLifetime must be positive, but was PT0S");
        assertThatThrownBy(() -> Authenticator.builder().clockSkew(Duration.ofHours(1)))
                .hasMessageContaining("clockSkew must be between 0 and 10 minutes, but was PT1H");
        assertThatThrownBy(() -> Authenticator.builder().tokenCacheSize(-1))
                .hasMessageContaining("tokenCacheSize must be between 0 and 1000000, but was -1");
    }

    @Test
    void builder_secretIsCopied() {
        byte[] secret = SECRET.clone();
        Authenticator auth = Authenticator.builder().hmacSecret(secret).clock(clock).build();
        String token = TestJwts.valid("HS256", NOW).claim("iss", null).claim("aud", null).hmac(SECRET);
        secret[0] ^= 1;
        assertThat(auth.authenticate(token).subject()).isEqualTo("svc-a");
    }

    @Test
    void maxTokenLifetime_configurable() {
        Authenticator auth = Authenticator.builder().hmacSecret(SECRET).maxTokenLifetime(Duration.ofMinutes(30))
                .clock(clock).build();
        String token = TestJwts.valid("HS256", NOW).hmac(SECRET);
        assertThatThrownBy(() -> auth.authenticate(token))
                .hasMessageContaining("token lifetime PT1H (iat to exp) exceeds the maximum PT30M");
    }

    @Test
    void toString_hasNoSecrets() {
        Authenticator auth = Authenticator.builder().hmacSecret(SECRET).build();
        assertThat(auth.toString()).isEqualTo("Authenticator[jwt=true, apiKeys=off]");
    }
}
