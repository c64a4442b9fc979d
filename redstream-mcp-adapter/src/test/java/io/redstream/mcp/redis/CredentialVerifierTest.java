package io.redstream.mcp.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.redstream.auth.Authenticator;
import io.redstream.auth.TokenIssuer;
import io.redstream.core.AuthenticationException;

class CredentialVerifierTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    @Test
    void bothKeys_eachTokenGoesToTheAuthenticatorOfItsAlgorithm() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair ec = g.generateKeyPair();
        CredentialVerifier verifier = new CredentialVerifier(Authenticator.builder().hmacSecret(SECRET).build(),
                Authenticator.builder().publicKey(ec.getPublic()).build());

        String hs = TokenIssuer.builder().hmacSecret(SECRET).build().issue("svc-hs", Set.of("task_read"));
        String es = TokenIssuer.builder().privateKey(ec.getPrivate()).build().issue("svc-es", Set.of("task_write"));

        assertThat(verifier.authenticate(hs).subject()).isEqualTo("svc-hs");
        assertThat(verifier.authenticate(es).subject()).isEqualTo("svc-es");
        assertThat(CredentialVerifier.headerAlgorithm(es)).isEqualTo("ES256");
    }

    @Test
    void forgedHeader_doesNotHelp_theChosenAuthenticatorStillChecksItsOwnAlgorithmAndSignature() {
        CredentialVerifier verifier = new CredentialVerifier(Authenticator.builder().hmacSecret(SECRET).build(), null);
        String other = TokenIssuer.builder().hmacSecret("another-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8))
                .build().issue("x", Set.of("admin"));

        assertThatThrownBy(() -> verifier.authenticate(other)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("signature");
        assertThatThrownBy(() -> verifier.authenticate("not-a-token")).isInstanceOf(AuthenticationException.class);
        assertThat(CredentialVerifier.headerAlgorithm("%%%.x.y")).isNull();
    }
}
