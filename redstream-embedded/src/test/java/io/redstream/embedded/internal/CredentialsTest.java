package io.redstream.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    @Test
    void randomPassword_is256BitsOfBase64url_andNeverRepeats() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String password = Credentials.randomPassword();
            assertThat(password).matches("[A-Za-z0-9_-]{43}");
            assertThat(Base64.getUrlDecoder().decode(password)).hasSize(Credentials.RANDOM_PASSWORD_BYTES);
            seen.add(password);
        }
        assertThat(seen).hasSize(100);
    }

    @Test
    void uri_withPassword_putsItInUserinfo_percentEncoded() {
        String uri = Credentials.uri("redis", "127.0.0.1", 6390, "a b@c:d/é");

        assertThat(uri).isEqualTo("redis://:a%20b%40c%3Ad%2F%C3%A9@127.0.0.1:6390");
        assertThat(URI.create(uri).getUserInfo()).as("decodes back").isEqualTo(":a b@c:d/é");
        assertThat(URI.create(uri).getPort()).isEqualTo(6390);
    }

    @Test
    void uri_withoutPassword_hasNoUserinfo() {
        assertThat(Credentials.uri("rediss", "127.0.0.1", 1, null)).isEqualTo("rediss://127.0.0.1:1");
        assertThat(Credentials.maskedUri("rediss", "127.0.0.1", 1, null)).isEqualTo("rediss://127.0.0.1:1");
    }

    @Test
    void maskedUri_showsOnlyThatThereIsAPassword() {
        assertThat(Credentials.maskedUri("redis", "127.0.0.1", 6390, "hunter2")).isEqualTo("redis://:***@127.0.0.1:6390");
    }

    @Test
    void percentEncode_keepsUnreservedCharacters() {
        assertThat(Credentials.percentEncode("AZaz09-._~")).isEqualTo("AZaz09-._~");
        assertThat(Credentials.percentEncode("+%")).isEqualTo("%2B%25");
    }
}
