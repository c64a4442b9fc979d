package io.redstream.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {
    @TempDir
    Path dir;

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    @Test
    void readHmacSecret_trimsSurroundingWhitespace() throws Exception {
        Path f = Files.writeString(dir.resolve("secret"), "  0123456789abcdef0123456789abcdef\n");
        assertThat(new String(KeyFiles.readHmacSecret(f), StandardCharsets.UTF_8))
                .isEqualTo("0123456789abcdef0123456789abcdef");
    }

    @Test
    void readHmacSecret_tooShort() throws Exception {
        Path f = Files.writeString(dir.resolve("secret"), "short-secret\n");
        assertThatThrownBy(() -> KeyFiles.readHmacSecret(f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be at least 32 bytes (256 bits) for HS256, but was 12 bytes")
                .hasMessageNotContaining("short-secret");
    }

    @Test
    void readPublicAndPrivateKey_rsaRoundTrip() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair rsa = g.generateKeyPair();
        Path pub = Files.writeString(dir.resolve("pub.pem"), pem("PUBLIC KEY", rsa.getPublic().getEncoded()));
        Path priv = Files.writeString(dir.resolve("priv.pem"), pem("PRIVATE KEY", rsa.getPrivate().getEncoded()));
        String token = TokenIssuer.builder().privateKey(KeyFiles.readPrivateKey(priv)).build()
                .issue("svc", Set.of("task_read"));
        assertThat(Authenticator.builder().publicKey(KeyFiles.readPublicKey(pub)).build().authenticate(token)
                .subject()).isEqualTo("svc");
    }

    @Test
    void parsePublicKey_ec() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ec = g.generateKeyPair();
        assertThat(KeyFiles.parsePublicKey(pem("PUBLIC KEY", ec.getPublic().getEncoded())).getAlgorithm())
                .isEqualTo("EC");
    }

    @Test
    void parsePublicKey_wrongBlock() {
        assertThatThrownBy(() -> KeyFiles.parsePublicKey("-----BEGIN RSA PUBLIC KEY-----\nAAAA\n"
                + "-----END RSA PUBLIC KEY-----"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PEM must contain a '-----BEGIN PUBLIC KEY-----'");
        assertThatThrownBy(() -> KeyFiles.parsePrivateKey(pem("PRIVATE KEY", new byte[] {1, 2, 3})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither an RSA nor an EC PKCS#8 key")
                .hasMessageNotContaining("AQID");
    }
}
