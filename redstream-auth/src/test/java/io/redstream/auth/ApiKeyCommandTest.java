package io.redstream.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ApiKeyCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void run_printsKeyOnceAndAppendsLine(@TempDir Path dir) {
        Path file = dir.resolve("keys.txt");
        assertThat(run("--roles", "task_read,task_write", "--subject", "svc", "--append", file.toString()))
                .isZero();
        String key = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(key).matches("rsk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}");
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain(key);
        Principal p = ApiKeys.load(file).authenticate(key, Instant.now());
        assertThat(p.subject()).isEqualTo("svc");
        assertThat(p.roles()).containsExactly("task_read", "task_write");
    }

    @Test
    void run_version_printsNameAndVersion_andMintsNothing() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).strip()).matches("redstream-auth \\S+");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("rsk_");
    }

    @Test
    void run_withoutFilePrintsStoreLineOnStderr() {
        assertThat(run("--roles", "admin")).isZero();
        String key = out.toString(StandardCharsets.UTF_8).strip();
        String line = err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("sha256:")).findFirst()
                .orElseThrow();
        assertThat(ApiKeys.parse(line, "stderr").authenticate(key, Instant.now()).roles()).containsExactly("admin");
    }

    @Test
    void run_badArguments() {
        assertThat(run("--subject", "x")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--roles is required").contains("usage:");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(run("--roles", "a", "--expires", "never")).isEqualTo(2);
        assertThat(run("--bogus", "1")).isEqualTo(2);
    }
}
