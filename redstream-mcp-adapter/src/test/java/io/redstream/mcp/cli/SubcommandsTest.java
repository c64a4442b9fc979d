package io.redstream.mcp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.redstream.auth.ApiKeys;
import io.redstream.auth.Authenticator;
import io.redstream.auth.Principal;

class SubcommandsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String SECRET = "unit-test-secret-0123456789-0123456789";

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int keygen(String... args) {
        return KeygenCommand.run(List.of(args), Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), CLOCK);
    }

    private int token(Map<String, String> env, String... args) {
        return TokenCommand.run(List.of(args), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), CLOCK);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void keygen_printsTheKeyOnce_andTheLineToStore_whichAuthenticatesIt() throws Exception {
        assertThat(keygen("--roles", "task_read, task_write", "--subject", "router", "--expires-in", "7d")).isZero();

        String key = out().strip();
        assertThat(key).startsWith("rsk_").doesNotContain("\n");
        String line = err().lines().filter(l -> l.contains("sha256:")).findFirst().orElseThrow();
        assertThat(line).contains("roles=task_read,task_write").contains("subject=router")
                .contains("expires=2030-01-08T00:00:00Z").doesNotContain(key);
        Path file = Files.writeString(dir.resolve("keys.txt"), line + "\n");
        Principal p = Authenticator.builder().apiKeys(ApiKeys.load(file)).clock(CLOCK).build().authenticate(key);
        assertThat(p.subject()).isEqualTo("router");
        assertThat(p.roles()).containsExactly("task_read", "task_write");
    }

    @Test
    void keygen_append_writesTheLineToTheFile() throws Exception {
        Path file = dir.resolve("keys.txt");
        assertThat(keygen("--roles", "admin", "--append", file.toString())).isZero();
        assertThat(keygen("--roles", "admin", "--append", file.toString())).isZero();

        assertThat(Files.readAllLines(file)).hasSize(2).allSatisfy(l -> assertThat(l).contains("roles=admin"));
        assertThat(err()).contains("Stored key").doesNotContain("sha256:");
    }

    @Test
    void keygen_badArguments_exitTwo_withTheReason() {
        assertThat(keygen()).isEqualTo(2);
        assertThat(err()).contains("--roles is required");
        assertThat(keygen("--roles", "bad role!")).isEqualTo(2);
        assertThat(keygen("--roles", "admin", "--expires", "tomorrow")).isEqualTo(2);
        assertThat(keygen("--roles", "admin", "--colour", "red")).isEqualTo(2);
        assertThat(err()).contains("unknown option --colour");
        assertThat(out()).isEmpty();
    }

    @Test
    void token_mintsAJwtTheServerVerifies_keyFileFromTheEnvironment() throws Exception {
        Path secret = Files.writeString(dir.resolve("jwt.secret"), "  " + SECRET + "\n");
        assertThat(token(Map.of("REDSTREAM_JWT_SECRET_FILE", secret.toString(), "REDSTREAM_JWT_ISSUER", "iss"),
                "--subject", "planner", "--roles", "task_read", "--ttl", "2h")).isZero();

        Principal p = Authenticator.builder().hmacSecret(SECRET.getBytes(StandardCharsets.UTF_8)).issuer("iss")
                .clock(CLOCK).build().authenticate(out().strip());
        assertThat(p.subject()).isEqualTo("planner");
        assertThat(err()).contains("until 2030-01-01T02:00:00Z");
    }

    @Test
    void token_badArguments_exitTwo() throws Exception {
        Path secret = Files.writeString(dir.resolve("jwt.secret"), SECRET);
        assertThat(token(Map.of(), "--subject", "x", "--roles", "admin")).isEqualTo(2);
        assertThat(err()).contains("exactly one signing key");
        assertThat(token(Map.of(), "--subject", "x", "--roles", "admin", "--ttl", "2d", "--jwt-secret-file", secret.toString()))
                .isEqualTo(2);
        Path weak = Files.writeString(dir.resolve("weak"), "short");
        assertThat(token(Map.of(), "--subject", "x", "--roles", "admin", "--jwt-secret-file", weak.toString())).isEqualTo(2);
        assertThat(err()).contains("at least 32 bytes").doesNotContain("short\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void durations_acceptShortFormsAndIso() throws UsageException {
        assertThat(SubcommandOptions.duration("--ttl", "90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(SubcommandOptions.duration("--ttl", "15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(SubcommandOptions.duration("--ttl", "12H")).isEqualTo(Duration.ofHours(12));
        assertThat(SubcommandOptions.duration("--ttl", "30d")).isEqualTo(Duration.ofDays(30));
        assertThat(SubcommandOptions.duration("--ttl", "pt1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThatThrownBy(() -> SubcommandOptions.duration("--ttl", "soon")).hasMessageContaining("--ttl must be a duration");
    }

    @Test
    void subcommandHelp_isTheirOwn_notTheServers() throws UsageException {
        assertThat(CliParser.parse(List.of("keygen", "--help"), Map.of()).command()).isEqualTo(Command.KEYGEN);
        assertThat(keygen("--help")).isZero();
        assertThat(out()).contains("Usage: java -jar redstream-mcp.jar keygen");
    }
}
