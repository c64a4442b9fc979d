package io.redstream.auth;

import static org.assertj.core.api.Assertions.assertThat;
import io.redstream.testkit.MutableClock;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redstream.core.AuthenticationException;
import io.redstream.core.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per known attack on JWT verification, each asserting the specific reason it is rejected. */
class JwtAttackTest {
    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef-hs256".getBytes(StandardCharsets.UTF_8);
    private static KeyPair rsa;

    private final MutableClock clock = new MutableClock(NOW);
    private final Authenticator hmac = Authenticator.builder().hmacSecret(SECRET).issuer("iss-1").audience("aud-1")
            .clock(clock).build();

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        rsa = g.generateKeyPair();
    }

    private static TestJwts token() {
        return TestJwts.valid("HS256", NOW);
    }

    private void assertRejected(Authenticator auth, String token, String reason) {
        assertThatThrownBy(() -> auth.authenticate(token))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> {
                    assertThat(((AuthenticationException) e).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
                    // Neither the token nor any part of it, nor the secret, may be echoed.
                    for (String part : token.split("\\.")) {
                        if (part.length() > 8) {
                            assertThat(e.getMessage()).doesNotContain(part);
                        }
                    }
                    assertThat(e.getMessage()).doesNotContain(new String(SECRET, StandardCharsets.UTF_8));
                    assertThat(e.getCause()).isNull();
                });
    }

    @Test
    void authenticate_validTokenForComparison() {
        assertThat(hmac.authenticate(token().hmac(SECRET)).subject()).isEqualTo("svc-a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void authenticate_algNoneInAnyCase(String alg) {
        String unsigned = TestJwts.valid(alg, NOW).unsigned();
        assertRejected(hmac, unsigned, "token algorithm 'none' is not allowed");
        // Even with a signature appended, 'none' is refused before any key is used.
        assertRejected(hmac, unsigned + "c2lnbmF0dXJl", "token algorithm 'none' is not allowed");
    }

    @Test
    void authenticate_hs256SignedWithTheRsaPublicKey() {
        Authenticator rs = Authenticator.builder().publicKey(rsa.getPublic()).issuer("iss-1").audience("aud-1")
                .clock(clock).build();
        byte[] der = rsa.getPublic().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
        assertRejected(rs, token().hmac(der), "token algorithm 'HS256' is not allowed for the configured key"
                + " (allowed: RS256)");
        assertRejected(rs, token().hmac(pem.getBytes(StandardCharsets.US_ASCII)), "token algorithm 'HS256' is not"
                + " allowed");
    }

    @Test
    void authenticate_secretAndPublicKeyWithoutKid_eachTokenGoesToTheKeyOfItsAlgorithm() {
        Authenticator both = Authenticator.builder().hmacSecret(SECRET).publicKey(rsa.getPublic()).issuer("iss-1")
                .audience("aud-1").clock(clock).build();
        assertThat(both.authenticate(token().hmac(SECRET)).subject()).isEqualTo("svc-a");
        assertThat(both.authenticate(TestJwts.valid("RS256", NOW).rs256(rsa.getPrivate())).subject())
                .isEqualTo("svc-a");
        // Algorithm confusion: an HS256 token "signed" with the public key goes to the secret, and fails there.
        assertRejected(both, token().hmac(rsa.getPublic().getEncoded()), "signature");
        assertRejected(both, TestJwts.valid("ES256", NOW).hmac(SECRET), "token algorithm 'ES256' is not allowed");
    }

    @Test
    void authenticate_rs256TokenAgainstHmacKey() {
        assertRejected(hmac, TestJwts.valid("RS256", NOW).rs256(rsa.getPrivate()),
                "token algorithm 'RS256' is not allowed for the configured key (allowed: HS256)");
    }

    @Test
    void authenticate_algorithmNotAllowListedEvenIfStrong() {
        // HS512 with the right secret is still refused: the key allows HS256 only.
        assertRejected(hmac, TestJwts.valid("HS512", NOW).hmac(SECRET), "token algorithm 'HS512' is not allowed");
        assertRejected(hmac, TestJwts.valid("hs256", NOW).hmac(SECRET), "token algorithm 'hs256' is not allowed");
    }

    @Test
    void builder_weakHmacSecret() {
        assertThatThrownBy(() -> Authenticator.builder().hmacSecret(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hmacSecret must be at least 32 bytes (256 bits) for HS256, but was 31 bytes");
    }

    @Test
    void authenticate_tokenSignedWithWeakHmacKey() {
        byte[] weak = "secret".getBytes(StandardCharsets.UTF_8);
        assertRejected(hmac, token().hmac(weak), "token signature is invalid");
    }

    @Test
    void authenticate_tamperedPayload() {
        String good = token().hmac(SECRET);
        String[] parts = good.split("\\.");
        String forged = token().claim("roles", List.of("admin")).signingInput().split("\\.")[1];
        assertRejected(hmac, parts[0] + "." + forged + "." + parts[2], "token signature is invalid");
    }

    @Test
    void authenticate_tamperedSignature() {
        String good = token().hmac(SECRET);
        String[] parts = good.split("\\.");
        char[] sig = parts[2].toCharArray();
        sig[5] = sig[5] == 'A' ? 'B' : 'A';
        assertRejected(hmac, parts[0] + "." + parts[1] + "." + new String(sig), "token signature is invalid");
        assertRejected(hmac, parts[0] + "." + parts[1] + ".", "token has no signature");
    }

    @Test
    void authenticate_expired() {
        String t = token().claim("iat", NOW.getEpochSecond() - 7200).claim("exp", NOW.getEpochSecond() - 61)
                .hmac(SECRET);
        assertRejected(hmac, t, "token expired at 2030-01-01T11:58:59Z");
    }

    @Test
    void authenticate_expiredWithinClockSkewIsAccepted() {
        String t = token().claim("iat", NOW.getEpochSecond() - 7200).claim("exp", NOW.getEpochSecond() - 59)
                .hmac(SECRET);
        assertThat(hmac.authenticate(t).subject()).isEqualTo("svc-a");
    }

    @Test
    void authenticate_missingExp() {
        assertRejected(hmac, token().claim("exp", null).hmac(SECRET), "token has no expiry ('exp')");
    }

    @Test
    void authenticate_nbfInFuture() {
        assertRejected(hmac, token().claim("nbf", NOW.getEpochSecond() + 120).hmac(SECRET),
                "token is not valid yet: not before ('nbf') 2030-01-01T12:02:00Z");
    }

    @Test
    void authenticate_iatInFuture() {
        String t = token().claim("iat", NOW.getEpochSecond() + 120).claim("exp", NOW.getEpochSecond() + 3600)
                .hmac(SECRET);
        assertRejected(hmac, t, "token is issued in the future: iat 2030-01-01T12:02:00Z");
    }

    @Test
    void authenticate_lifetimeOverTheBound() {
        long iat = NOW.getEpochSecond() - 60;
        String t = token().claim("iat", iat).claim("exp", iat + Duration.ofHours(24).toSeconds() + 1).hmac(SECRET);
        assertRejected(hmac, t, "token lifetime PT24H1S (iat to exp) exceeds the maximum PT24H");
    }

    @Test
    void authenticate_lifetimeOverTheBoundWithoutIat() {
        String t = token().claim("iat", null).claim("exp", NOW.getEpochSecond() + Duration.ofHours(25).toSeconds())
                .hmac(SECRET);
        assertRejected(hmac, t, "more than the maximum lifetime PT24H from now");
    }

    @Test
    void authenticate_wrongIssuer() {
        assertRejected(hmac, token().claim("iss", "evil").hmac(SECRET),
                "token issuer mismatch: expected 'iss-1', got 'evil'");
    }

    @Test
    void authenticate_missingIssuer() {
        assertRejected(hmac, token().claim("iss", null).hmac(SECRET), "token has no issuer ('iss'); expected 'iss-1'");
    }

    @Test
    void authenticate_wrongAudience() {
        assertRejected(hmac, token().claim("aud", List.of("other", "more")).hmac(SECRET),
                "token audience mismatch: expected 'aud-1', got [other, more]");
    }

    @Test
    void authenticate_missingAudience() {
        assertRejected(hmac, token().claim("aud", null).hmac(SECRET),
                "token has no audience ('aud'); expected 'aud-1'");
    }

    @Test
    void authenticate_unknownKid() {
        Authenticator two = Authenticator.builder().hmacSecret("k1", SECRET)
                .hmacSecret("k2", "another-secret-another-secret-another-secret".getBytes(StandardCharsets.UTF_8))
                .clock(clock).build();
        assertRejected(two, token().header("kid", "k3").hmac(SECRET), "token key id 'k3' is unknown");
        assertRejected(hmac, token().header("kid", "k1").hmac(SECRET), "token key id 'k1' is unknown");
    }

    @Test
    void authenticate_missingKidWithSeveralKeys() {
        Authenticator two = Authenticator.builder().hmacSecret("k1", SECRET)
                .hmacSecret("k2", "another-secret-another-secret-another-secret".getBytes(StandardCharsets.UTF_8))
                .clock(clock).build();
        assertRejected(two, token().hmac(SECRET), "token has no key id ('kid'), but several keys are configured");
    }

    @Test
    void authenticate_kidSelectsTheKey() {
        // A different secret, not SECRET padded: HMAC zero-pads short keys, so padding would be the same key.
        byte[] other = "another-secret-another-secret-another-secret".getBytes(StandardCharsets.UTF_8);
        Authenticator two = Authenticator.builder().hmacSecret("k1", SECRET).hmacSecret("k2", other).clock(clock)
                .build();
        assertThat(two.authenticate(token().header("kid", "k2").hmac(other)).method())
                .isEqualTo(new AuthMethod.Jwt("k2", "iss-1"));
        // The right secret under the wrong kid does not verify.
        assertRejected(two, token().header("kid", "k1").hmac(other), "token signature is invalid");
    }

    @Test
    void authenticate_rolesNotAnArray() {
        assertRejected(hmac, token().claim("roles", "admin").hmac(SECRET),
                "token 'roles' claim must be an array of strings, but was a string");
        assertRejected(hmac, token().claim("roles", Map.of("admin", true)).hmac(SECRET),
                "token 'roles' claim must be an array of strings, but was an object");
    }

    @Test
    void authenticate_rolesWithNonStringElement() {
        assertRejected(hmac, token().claim("roles", List.of("task_read", 7)).hmac(SECRET),
                "token 'roles' claim must be an array of strings, but element 1 is a number");
    }

    @Test
    void authenticate_rolesWithInvalidName() {
        assertRejected(hmac, token().claim("roles", List.of("task read")).hmac(SECRET),
                "token 'roles' claim element 0 'task read' is not a role name");
    }

    @Test
    void authenticate_missingRoles() {
        assertRejected(hmac, token().claim("roles", null).hmac(SECRET), "token has no 'roles' claim");
    }

    @Test
    void authenticate_emptySub() {
        // JJWT reads an empty or blank string claim as absent, hence one message for both.
        assertRejected(hmac, token().claim("sub", "").hmac(SECRET), "token subject ('sub') is missing or empty");
        assertRejected(hmac, token().claim("sub", "   ").hmac(SECRET), "token subject ('sub') is missing or empty");
    }

    @Test
    void authenticate_missingSub() {
        assertRejected(hmac, token().claim("sub", null).hmac(SECRET), "token subject ('sub') is missing or empty");
    }

    @Test
    void authenticate_subWithControlCharacters() {
        assertRejected(hmac, token().claim("sub", "svc\nforged audit line").hmac(SECRET),
                "token subject ('sub') must not contain control characters");
    }

    @Test
    void authenticate_timeClaimNotANumber() {
        assertRejected(hmac, token().claim("exp", "tomorrow").hmac(SECRET), "token is malformed");
    }

    @Test
    void authenticate_encryptedToken() {
        assertRejected(hmac, "eyJhbGciOiJkaXIifQ..aXY.Y2lwaGVy.dGFn", "encrypted tokens (JWE) are not accepted");
    }

    @Test
    void authenticate_garbage() {
        assertRejected(hmac, "not-a-jwt", "token is malformed: expected a JWT of three dot-separated parts");
        assertRejected(hmac, "!!!.e30.c2ln", "token is malformed: the header is not base64url-encoded JSON");
        assertRejected(hmac, Base64.getUrlEncoder().withoutPadding().encodeToString("{}".getBytes()) + ".e30.c2ln",
                "token header has no 'alg' string");
    }

    @Test
    void authenticate_duplicateHeaderNames() {
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"HS256\",\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String[] parts = token().hmac(SECRET).split("\\.");
        assertRejected(hmac, header + "." + parts[1] + "." + parts[2], "token is malformed");
    }

    @Test
    void authenticate_compressedPayloadRefused() {
        assertRejected(hmac, token().header("zip", "DEF").hmac(SECRET), "compressed tokens are not accepted");
    }
}
