package io.redstream.auth;

import io.redstream.auth.internal.ApiKeyFormat;
import io.redstream.core.AuthenticationException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeysTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private final ApiKeyGenerator generator = new ApiKeyGenerator();

    @Test
    void generate_keyHasTheDocumentedShape() {
        GeneratedApiKey g = generator.generate(Set.of("task_read"));
        assertThat(g.key()).matches("rsk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}");
        assertThat(g.key()).startsWith("rsk_" + g.id() + "_");
        assertThat(g.storeLine()).matches(g.id() + " sha256:[0-9a-f]{64} roles=task_read");
        assertThat(g.storeLine()).doesNotContain(g.key().substring(17));
    }

    @Test
    void generate_keysAreUnique() {
        assertThat(generator.generate(Set.of("a")).key()).isNotEqualTo(generator.generate(Set.of("a")).key());
    }

    @Test
    void toString_redactsTheKey() {
        GeneratedApiKey g = generator.generate(Set.of("task_read"));
        assertThat(g.toString()).isEqualTo("GeneratedApiKey[id=" + g.id() + ", key=<redacted>]");
    }

    @Test
    void authenticate_storedLineRoundTrip() {
        GeneratedApiKey g = generator.generate(Set.of("task_read", "agent_write"), "svc-a",
                Instant.parse("2031-01-01T00:00:00Z"));
        ApiKeys keys = ApiKeys.parse("# keys\n\n" + g.storeLine() + "\n", "test");
        Principal p = keys.authenticate(g.key(), NOW);
        assertThat(p.subject()).isEqualTo("svc-a");
        assertThat(p.roles()).containsExactly("agent_write", "task_read");
        assertThat(p.method().describe()).isEqualTo("api_key(id=" + g.id() + ")");
        assertThat(p.toString()).doesNotContain(g.key());
    }

    @Test
    void authenticate_defaultSubjectIsTheKeyId() {
        GeneratedApiKey g = generator.generate(Set.of("task_read"));
        assertThat(ApiKeys.of(List.of(g.record())).authenticate(g.key(), NOW).subject())
                .isEqualTo("apikey:" + g.id());
    }

    @Test
    void authenticate_wrongSecretAndUnknownIdFailAlike() {
        GeneratedApiKey g = generator.generate(Set.of("task_read"));
        ApiKeys keys = ApiKeys.of(List.of(g.record()));
        String wrongSecret = g.key().substring(0, 20) + (g.key().charAt(20) == 'A' ? 'B' : 'A')
                + g.key().substring(21);
        String unknownId = generator.generate(Set.of("task_read")).key();
        Throwable a = catchAuth(() -> keys.authenticate(wrongSecret, NOW));
        Throwable b = catchAuth(() -> keys.authenticate(unknownId, NOW));
        assertThat(a.getMessage()).isEqualTo("API key is not valid").isEqualTo(b.getMessage());
        assertThat(a.getMessage()).doesNotContain(g.id());
    }

    @Test
    void authenticate_revoked() {
        GeneratedApiKey g = generator.generate(Set.of("task_read"));
        ApiKeys keys = ApiKeys.parse(g.storeLine() + " revoked", "test");
        assertThatThrownBy(() -> keys.authenticate(g.key(), NOW))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("API key '" + g.id() + "' has been revoked");
    }

    @Test
    void authenticate_expired() {
        GeneratedApiKey g = generator.generate(Set.of("task_read"), null, NOW);
        ApiKeys keys = ApiKeys.of(List.of(g.record()));
        assertThatThrownBy(() -> keys.authenticate(g.key(), NOW))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("expired at 2030-01-01T00:00:00Z");
        assertThat(keys.authenticate(g.key(), NOW.minusSeconds(1)).subject()).startsWith("apikey:");
    }

    @Test
    void authenticate_malformed() {
        ApiKeys keys = ApiKeys.empty();
        assertThatThrownBy(() -> keys.authenticate("rsk_short_secret", NOW))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("API key is malformed: expected rsk_<id>_<secret>")
                .hasMessageNotContaining("short_secret");
        assertThatThrownBy(() -> keys.authenticate("rsk_ABCDEFGHIJKL_" + "a".repeat(43), NOW))
                .hasMessageContaining("API key is malformed");
    }

    @Test
    void authenticate_secretContainingUnderscoreIsParsedByPosition() {
        // The base64url alphabet includes '_': the key is split by position, not on '_'.
        String key = "rsk_abcdefghijkl_" + "_".repeat(43);
        ApiKeyRecord record = new ApiKeyRecord("abcdefghijkl",
                ApiKeyFormat.hex(ApiKeyFormat.hash(key)),
                Set.of("task_read"), null, null, false);
        assertThat(ApiKeys.of(List.of(record)).authenticate(key, NOW).subject()).isEqualTo("apikey:abcdefghijkl");
    }

    @Test
    void parse_rejectsRawKeysInTheFile() {
        String raw = generator.generate(Set.of("a")).key();
        assertThatThrownBy(() -> ApiKeys.parse("# ok\n" + raw + "\n", "keys.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("API keys file keys.txt line 2: looks like it contains a raw API key")
                .hasMessageNotContaining(raw);
    }

    @Test
    void parse_reportsLineAndField() {
        String hash = "sha256:" + "ab".repeat(32);
        assertThatThrownBy(() -> ApiKeys.parse("abcdefghijkl " + hash, "f"))
                .hasMessageContaining("line 1: expected '<id> sha256:<hex> roles=a,b");
        assertThatThrownBy(() -> ApiKeys.parse("ABC " + hash + " roles=a", "f"))
                .hasMessageContaining("line 1: id must be 12 characters of [a-z0-9], but was 'ABC'");
        assertThatThrownBy(() -> ApiKeys.parse("abcdefghijkl sha256:xyz roles=a", "f"))
                .hasMessageContaining("line 1: second field must be 'sha256:' followed by 64 hex digits");
        assertThatThrownBy(() -> ApiKeys.parse("abcdefghijkl " + hash + " roles=a expires=tomorrow", "f"))
                .hasMessageContaining("line 1: expires must be an ISO-8601 instant such as 2030-01-31T00:00:00Z, but"
                        + " was 'tomorrow'");
        assertThatThrownBy(() -> ApiKeys.parse("abcdefghijkl " + hash + " roles=a,b c", "f"))
                .hasMessageContaining("line 1: unexpected or repeated field 'c'");
        assertThatThrownBy(() -> ApiKeys.parse("abcdefghijkl " + hash + " roles=a,", "f"))
                .hasMessageContaining("line 1: role '' must match");
        assertThatThrownBy(() -> ApiKeys.parse("abcdefghijkl " + hash + " subject=x", "f"))
                .hasMessageContaining("line 1: roles= is required");
        assertThatThrownBy(() -> ApiKeys.parse("\nabcdefghijkl " + hash + " roles=a\nabcdefghijkl " + hash
                + " roles=b", "f"))
                .hasMessageContaining("line 3: id 'abcdefghijkl' is already defined above");
    }

    @Test
    void load_readsAFile(@TempDir Path dir) throws Exception {
        GeneratedApiKey g = generator.generate(Set.of("task_read"));
        Path file = dir.resolve("keys.txt");
        Files.writeString(file, "# generated\n" + g.storeLine() + "\n");
        ApiKeys keys = ApiKeys.load(file);
        assertThat(keys.size()).isEqualTo(1);
        assertThat(keys.find(g.id())).contains(g.record());
        assertThat(keys.authenticate(g.key(), NOW).roles()).containsExactly("task_read");
    }

    @Test
    void load_missingFile(@TempDir Path dir) {
        assertThatThrownBy(() -> ApiKeys.load(dir.resolve("absent.txt")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("absent.txt cannot be read");
    }

    @Test
    void record_lineRoundTripsAllFields() {
        GeneratedApiKey g = generator.generate(Set.of("b", "a"), "svc", Instant.parse("2031-02-03T04:05:06Z"));
        ApiKeyRecord revoked = g.record().revoke();
        assertThat(revoked.toLine()).isEqualTo(g.id() + " sha256:" + g.record().sha256Hex()
                + " roles=a,b subject=svc expires=2031-02-03T04:05:06Z revoked");
        assertThat(ApiKeys.parse(revoked.toLine(), "x").find(g.id())).contains(revoked);
    }

    @Test
    void record_rejectsBadFields() {
        assertThatThrownBy(() -> new ApiKeyRecord("abcdefghijkl", "00".repeat(32), Set.of(), null, null, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("roles must not be empty");
        assertThatThrownBy(() -> new ApiKeyRecord("abcdefghijkl", "00".repeat(32), Set.of("a"), "has space", null,
                false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subject must not contain whitespace");
    }

    private static Throwable catchAuth(Runnable r) {
        try {
            r.run();
        } catch (AuthenticationException e) {
            return e;
        }
        throw new AssertionError("expected AuthenticationException");
    }
}
