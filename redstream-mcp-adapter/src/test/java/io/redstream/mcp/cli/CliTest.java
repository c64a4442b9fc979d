package io.redstream.mcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.redstream.auth.ApiKeys;
import io.redstream.auth.Authenticator;
import io.redstream.auth.Principal;
import io.redstream.mcp.ServerConfig;
import io.redstream.mcp.tool.Toolset;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The command line in-process: help, version, environment, errors, and the credential subcommands. */
class CliTest {

    private static final String SECRET = "unit-test-secret-0123456789-0123456789";

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return Cli.run(args, env, new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static ServerConfig config(Map<String, String> env, String... args) {
        CommandLine cli = Cli.commandLine(new ServeCommand.IO(null, null, System.err, env));
        cli.parseArgs(args);
        return ((ServeCommand) cli.getCommand()).config();
    }

    @Test
    void help_listsEveryOptionWithItsEnvironmentVariable_andOnlyWhatWorks() {
        assertThat(run(Map.of(), "--help")).isZero();
        String help = out();
        for (Field f : ServeCommand.class.getDeclaredFields()) {
            Option option = f.getAnnotation(Option.class);
            if (option == null) {
                continue;
            }
            Env env = f.getAnnotation(Env.class);
            assertThat(env).as(f.getName() + " declares its environment variable").isNotNull();
            assertThat(String.join(" ", option.description())).as(f.getName()).contains("Env " + env.value() + ".");
            assertThat(help).contains(option.names()[0]).contains(env.value());
        }
        assertThat(help).contains("keygen").contains("token").contains("embedded-redis").contains("REDSTREAM_TOKEN")
                .contains("--http").contains("--stateless");
        assertThat(err()).isEmpty();
    }

    @Test
    void docsFlagTable_namesEveryOptionAndItsVariable() throws Exception {
        String table = Files.readString(Path.of("..", "docs", "mcp.md"), StandardCharsets.UTF_8);
        for (Field f : ServeCommand.class.getDeclaredFields()) {
            Option option = f.getAnnotation(Option.class);
            if (option != null) {
                assertThat(table).as(option.names()[0]).containsPattern("\\| `" + option.names()[0]
                        + "[ `][^|]*\\| `" + f.getAnnotation(Env.class).value() + "` \\|");
            }
        }
    }

    @Test
    void version_printsTheVersion() {
        assertThat(run(Map.of(), "--version")).isZero();
        assertThat(out()).startsWith("redstream-mcp ");
    }

    @Test
    void unknownOption_exitsTwo_withASuggestion() {
        assertThat(run(Map.of(), "--max-cont=5")).isEqualTo(2);
        assertThat(err()).contains("Unknown option: '--max-cont=5'").contains("Possible solutions:").contains("--max-count")
                .contains("Run 'redstream-mcp --help'");
        assertThat(out()).isEmpty();
    }

    @Test
    void badValue_fromTheEnvironment_namesTheVariable() {
        assertThat(run(Map.of("REDSTREAM_MAX_COUNT", "lots"))).isEqualTo(2);
        assertThat(err()).contains("--max-count").contains("'lots'")
                .contains("(from the environment variable REDSTREAM_MAX_COUNT)");
    }

    @Test
    void config_flagsWinOverTheEnvironment_environmentOverDefaults() {
        ServerConfig c = config(Map.of("REDSTREAM_MAX_COUNT", "70", "REDSTREAM_DEFAULT_TTL", "90", "REDIS_URL",
                "redis://h:1", "REDSTREAM_TOOLSETS", "state,streams", "REDSTREAM_READ_ONLY", "true",
                "REDSTREAM_TOKEN", " tok "), "--max-count", "80");
        assertThat(c.limits().maxCount()).isEqualTo(80);
        assertThat(c.defaultTtlSeconds()).isEqualTo(90);
        assertThat(c.redisUri()).contains("redis://h:1");
        assertThat(c.toolsets()).containsExactlyInAnyOrder(Toolset.STATE, Toolset.STREAMS);
        assertThat(c.readOnly()).isTrue();
        assertThat(c.token()).contains("tok");
        ServerConfig defaults = config(Map.of());
        assertThat(defaults.embeddedRedis()).isTrue();
        assertThat(defaults.limits().maxCount()).isEqualTo(ServerConfig.DEFAULT_MAX_COUNT);
        assertThat(defaults.limits().maxTransactionOperations()).isEqualTo(ServerConfig.DEFAULT_MAX_MULTI_OPS);
        assertThat(defaults.toolsets()).containsExactlyInAnyOrder(Toolset.values());
        assertThat(config(Map.of(), "--cluster", "a:7000,b:7001").clusterNodes()).containsExactly("a:7000", "b:7001");
    }

    @Test
    void config_usesCoresRules_andNeverShowsThePassword() {
        assertThat(run(Map.of(), "--redis", "redis://:pa55w0rd@h:1", "--cluster", "a:1")).isEqualTo(2);
        assertThat(err()).contains("give either --redis or --cluster, not both").doesNotContain("pa55w0rd");
        err.reset();
        assertThat(run(Map.of(), "--cluster", "[::1]:7000")).isEqualTo(2);
        assertThat(err()).contains("--cluster: clusterNodes entries must be host:port");
        err.reset();
        assertThat(run(Map.of(), "--toolsets", "state,task")).isEqualTo(2);
        assertThat(err()).contains("--toolsets must be a comma-separated list of"
                + " state,pubsub,streams,health,tasks,locks,presence, but 'task' is none of them");
        err.reset();
        assertThat(run(Map.of(), "--jwt-secret-file", dir.resolve("missing").toString())).isEqualTo(2);
        assertThat(err()).contains("--jwt-secret-file: file not found");
        err.reset();
        assertThat(run(Map.of(), "--max-result-bytes", "1000")).isEqualTo(2);
        assertThat(err()).contains("--max-result-bytes must be between 4096");
    }

    @Test
    void keygen_printsTheKeyOnce_andTheLineToStore_whichAuthenticatesIt() throws Exception {
        assertThat(run(Map.of(), "keygen", "--roles", "task_read,task_write", "--subject", "router", "--expires-in",
                "7d")).isZero();
        String key = out().strip();
        assertThat(key).startsWith("rsk_").doesNotContain("\n");
        String line = err().lines().filter(l -> l.contains("sha256:")).findFirst().orElseThrow();
        assertThat(line).contains("roles=task_read,task_write").contains("subject=router").doesNotContain(key);
        Path file = Files.writeString(dir.resolve("keys.txt"), line + "\n");
        Principal p = Authenticator.builder().apiKeys(ApiKeys.load(file)).build().authenticate(key);
        assertThat(p.subject()).isEqualTo("router");
    }

    @Test
    void keygen_badArguments_exitTwo_withTheReason() {
        assertThat(run(Map.of(), "keygen")).isEqualTo(2);
        assertThat(err()).contains("Missing required option: '--roles=ROLE'");
        assertThat(run(Map.of(), "keygen", "--roles", "bad role!")).isEqualTo(2);
        assertThat(run(Map.of(), "keygen", "--roles", "admin", "--expires", "tomorrow")).isEqualTo(2);
        assertThat(run(Map.of(), "keygen", "--roles", "admin", "--expires-in", "soon")).isEqualTo(2);
        assertThat(err()).contains("must be a duration such as 90s");
        assertThat(out()).isEmpty();
    }

    @Test
    void token_mintsAJwtTheServerVerifies_keyFileFromTheEnvironment() throws Exception {
        Path secret = Files.writeString(dir.resolve("jwt.secret"), "  " + SECRET + "\n");
        assertThat(run(Map.of("REDSTREAM_JWT_SECRET_FILE", secret.toString(), "REDSTREAM_JWT_ISSUER", "iss"),
                "token", "--subject", "planner", "--roles", "task_read", "--ttl", "2h")).as(err()).isZero();
        Principal p = Authenticator.builder().hmacSecret(SECRET.getBytes(StandardCharsets.UTF_8)).issuer("iss").build()
                .authenticate(out().strip());
        assertThat(p.subject()).isEqualTo("planner");
        assertThat(err()).contains("valid for PT2H");
    }

    @Test
    void token_withoutAKey_orAWeakOne_exitsTwo_withoutEchoingTheSecret() throws Exception {
        assertThat(run(Map.of(), "token", "--subject", "x", "--roles", "admin")).isEqualTo(2);
        Path weak = Files.writeString(dir.resolve("weak"), "short");
        assertThat(run(Map.of(), "token", "--subject", "x", "--roles", "admin", "--jwt-secret-file", weak.toString()))
                .isEqualTo(2);
        assertThat(err()).contains("at least 32 bytes").doesNotContain("short\n");
        assertThat(out()).isEmpty();
    }
}
