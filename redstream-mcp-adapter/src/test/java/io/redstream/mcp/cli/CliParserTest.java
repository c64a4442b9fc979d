package io.redstream.mcp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.redstream.mcp.Limits;
import io.redstream.mcp.ServerConfig;

class CliParserTest {

    @TempDir
    Path dir;
    private Path secret;
    private Path publicKey;
    private Path keys;
    private Path policy;

    @BeforeEach
    void files() throws IOException {
        secret = Files.writeString(dir.resolve("secret"), "0123456789abcdef0123456789abcdef");
        publicKey = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PUBLIC KEY-----");
        keys = Files.writeString(dir.resolve("keys.json"), "[]");
        policy = Files.writeString(dir.resolve("policy.yaml"), "roles: []");
    }

    private static ServerConfig config(String... args) throws UsageException {
        return config(Map.of(), args);
    }

    private static ServerConfig config(Map<String, String> env, String... args) throws UsageException {
        Invocation invocation = CliParser.parse(List.of(args), env);
        assertThat(invocation.command()).isEqualTo(Command.SERVE);
        return invocation.config();
    }

    private static String usageError(Map<String, String> env, String... args) {
        try {
            CliParser.parse(List.of(args), env);
        } catch (UsageException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a usage error for " + Arrays.toString(args));
    }

    private static String usageError(String... args) {
        return usageError(Map.of(), args);
    }

    @Test
    void parse_noArguments_givesDefaults() throws UsageException {
        ServerConfig c = config();

        assertThat(c.embeddedRedis()).isTrue();
        assertThat(c.httpPort()).isEmpty();
        assertThat(c.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(c.readOnly()).isFalse();
        assertThat(c.defaultTtlSeconds()).isEqualTo(86_400);
        assertThat(c.insecureNoAuth()).isFalse();
        assertThat(c.authenticationConfigured()).isFalse();
        assertThat(c.token()).isEmpty();
        assertThat(c.limits()).isEqualTo(Limits.DEFAULTS);
        assertThat(c.limits()).isEqualTo(new Limits(1 << 20, 1000, 30_000, 50, 4 << 20));
    }

    @Test
    void parse_everyFlag_isApplied() throws UsageException {
        ServerConfig c = config("--redis", "redis://u:p@h:6380/2", "--read-only", "--default-ttl", "60",
                "--jwt-secret-file", secret.toString(), "--jwt-public-key-file", publicKey.toString(),
                "--jwt-issuer", "iss", "--jwt-audience", "aud", "--api-keys-file", keys.toString(),
                "--policy-file", policy.toString(), "--http", "0", "--bind", "0.0.0.0",
                "--max-value-bytes", "2048", "--max-count", "10", "--max-block-ms", "500", "--max-multi-ops", "5",
                "--max-result-bytes", "65536");

        assertThat(c.redisUri()).contains("redis://u:p@h:6380/2");
        assertThat(c.readOnly()).isTrue();
        assertThat(c.defaultTtlSeconds()).isEqualTo(60);
        assertThat(c.jwtSecretFile()).contains(secret);
        assertThat(c.jwtPublicKeyFile()).contains(publicKey);
        assertThat(c.jwtIssuer()).contains("iss");
        assertThat(c.jwtAudience()).contains("aud");
        assertThat(c.apiKeysFile()).contains(keys);
        assertThat(c.policyFile()).contains(policy);
        assertThat(c.httpPort()).hasValue(0);
        assertThat(c.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(c.limits()).isEqualTo(new Limits(2048, 10, 500, 5, 65536));
    }

    @Test
    void parse_clusterAndInsecureNoAuth_withEqualsForm() throws UsageException {
        ServerConfig c = config("--cluster=h1:7000, h2:7001,[::1]:7002", "--http=8080", "--insecure-no-auth", "--bind=localhost");

        assertThat(c.clusterNodes()).containsExactly("h1:7000", "h2:7001", "[::1]:7002");
        assertThat(c.embeddedRedis()).isFalse();
        assertThat(c.insecureNoAuth()).isTrue();
    }

    @Test
    void parse_everyEnvironmentVariable_isApplied() throws UsageException {
        Map<String, String> env = new HashMap<>();
        env.put("REDIS_URL", "rediss://h:6379");
        env.put("REDSTREAM_HTTP_PORT", "9000");
        env.put("REDSTREAM_BIND", "::1");
        env.put("REDSTREAM_JWT_SECRET_FILE", secret.toString());
        env.put("REDSTREAM_JWT_PUBLIC_KEY_FILE", publicKey.toString());
        env.put("REDSTREAM_JWT_ISSUER", "iss");
        env.put("REDSTREAM_JWT_AUDIENCE", "aud");
        env.put("REDSTREAM_API_KEYS_FILE", keys.toString());
        env.put("REDSTREAM_POLICY_FILE", policy.toString());
        env.put("REDSTREAM_READ_ONLY", "yes");
        env.put("REDSTREAM_DEFAULT_TTL", "120");
        env.put("REDSTREAM_MAX_VALUE_BYTES", "100");
        env.put("REDSTREAM_MAX_COUNT", "7");
        env.put("REDSTREAM_MAX_BLOCK_MS", "1000");
        env.put("REDSTREAM_MAX_MULTI_OPS", "3");
        env.put("REDSTREAM_MAX_RESULT_BYTES", "2048");
        env.put("REDSTREAM_TOKEN", " rsk_id_secret ");

        ServerConfig c = config(env);

        assertThat(c.redisUri()).contains("rediss://h:6379");
        assertThat(c.httpPort()).hasValue(9000);
        assertThat(c.bindAddress()).isEqualTo("::1");
        assertThat(c.jwtSecretFile()).contains(secret);
        assertThat(c.jwtPublicKeyFile()).contains(publicKey);
        assertThat(c.jwtIssuer()).contains("iss");
        assertThat(c.jwtAudience()).contains("aud");
        assertThat(c.apiKeysFile()).contains(keys);
        assertThat(c.policyFile()).contains(policy);
        assertThat(c.readOnly()).isTrue();
        assertThat(c.defaultTtlSeconds()).isEqualTo(120);
        assertThat(c.limits()).isEqualTo(new Limits(100, 7, 1000, 3, 2048));
        assertThat(c.token()).contains("rsk_id_secret");
    }

    @Test
    void parse_clusterAndInsecureFromEnvironment() throws UsageException {
        ServerConfig c = config(Map.of("REDSTREAM_CLUSTER", "a:1,b:2", "REDSTREAM_HTTP_PORT", "0",
                "REDSTREAM_INSECURE_NO_AUTH", "true"));

        assertThat(c.clusterNodes()).containsExactly("a:1", "b:2");
        assertThat(c.insecureNoAuth()).isTrue();
    }

    @Test
    void parse_flagWinsOverEnvironment() throws UsageException {
        ServerConfig c = config(Map.of("REDIS_URL", "redis://env:1", "REDSTREAM_DEFAULT_TTL", "5", "REDSTREAM_READ_ONLY", "true"),
                "--redis", "redis://flag:2", "--default-ttl", "7", "--read-only=false");

        assertThat(c.redisUri()).contains("redis://flag:2");
        assertThat(c.defaultTtlSeconds()).isEqualTo(7);
        assertThat(c.readOnly()).isFalse();
    }

    @Test
    void parse_emptyEnvironmentVariable_countsAsUnset() throws UsageException {
        assertThat(config(Map.of("REDIS_URL", "", "REDSTREAM_HTTP_PORT", "")).embeddedRedis()).isTrue();
    }

    @Test
    void parse_badEnvironmentValue_namesTheVariable() {
        assertThat(usageError(Map.of("REDSTREAM_MAX_COUNT", "lots")))
                .isEqualTo("REDSTREAM_MAX_COUNT (environment): must be an integer, but was 'lots'");
    }

    @Test
    void parse_help_anywhere_winsOverErrors() throws UsageException {
        assertThat(CliParser.parse(List.of("--bogus", "--help"), Map.of()).command()).isEqualTo(Command.HELP);
        assertThat(CliParser.parse(List.of("-h"), Map.of()).command()).isEqualTo(Command.HELP);
    }

    @Test
    void parse_subcommands_keepTheirArgumentsUnparsed() throws UsageException {
        Invocation keygen = CliParser.parse(List.of("keygen", "--roles", "task_read"), Map.of());
        Invocation token = CliParser.parse(List.of("token"), Map.of());

        assertThat(keygen.command()).isEqualTo(Command.KEYGEN);
        assertThat(keygen.subcommandArguments()).containsExactly("--roles", "task_read");
        assertThat(keygen.serverConfig()).isEmpty();
        assertThat(token.command()).isEqualTo(Command.TOKEN);
    }

    @Test
    void parse_errors_areActionable() {
        assertThat(usageError("--redsi", "redis://h")).isEqualTo("unknown option --redsi (did you mean --redis?)");
        assertThat(usageError("--completely-different")).isEqualTo("unknown option --completely-different");
        assertThat(usageError("--token", "x")).contains("REDSTREAM_TOKEN");
        assertThat(usageError("serve")).isEqualTo("unexpected argument 'serve': options start with --; subcommands are keygen, token and embedded-redis");
        assertThat(usageError("--redis")).isEqualTo("--redis needs a value: --redis URI");
        assertThat(usageError("--redis", "--read-only")).isEqualTo("--redis needs a value: --redis URI");
        assertThat(usageError("--read-only", "--read-only")).isEqualTo("--read-only is given more than once");
        assertThat(usageError("--http", "http")).isEqualTo("--http: must be an integer, but was 'http'");
        assertThat(usageError("--http", "70000")).isEqualTo("--http: must be a port between 0 and 65535, but was 70000");
        assertThat(usageError("--read-only=maybe")).isEqualTo("--read-only: must be true or false, but was 'maybe'");
        assertThat(usageError("--default-ttl", "0")).isEqualTo("--default-ttl: must be between 1 and 315360000 seconds, but was 0");
        assertThat(usageError("--max-count", "0")).isEqualTo("maxCount must be between 1 and 1000000, but was 0");
        assertThat(usageError("--max-result-bytes", "4096", "--max-value-bytes", "8192"))
                .startsWith("maxResultBytes must be larger than maxValueBytes");
    }

    @Test
    void parse_redisUri_mustBeRedisScheme_andErrorHidesThePassword() {
        assertThat(usageError("--redis", "http://user:pw@h")).isEqualTo("--redis: must be a redis:// or rediss:// URI, but was 'http://***@h'");
    }

    @Test
    void parse_clusterNodes_mustBeHostPort() {
        assertThat(usageError("--cluster", "h1:7000,h2")).isEqualTo(
                "--cluster: each node must be host:port with a port between 1 and 65535, but was 'h2'");
        assertThat(usageError("--cluster", "h1:0")).contains("but was 'h1:0'");
    }

    @Test
    void parse_missingFile_isNamed() {
        assertThat(usageError("--jwt-secret-file", dir.resolve("nope").toString()))
                .isEqualTo("--jwt-secret-file: file not found: " + dir.resolve("nope").toAbsolutePath());
        assertThat(usageError("--policy-file", dir.toString())).startsWith("--policy-file: not a readable file");
    }

    @Test
    void parse_crossFieldRules() {
        assertThat(usageError("--redis", "redis://h", "--cluster", "h:1")).isEqualTo("give either --redis or --cluster, not both");
        assertThat(usageError("--jwt-issuer", "i")).startsWith("--jwt-issuer and --jwt-audience need a JWT key");
        assertThat(usageError("--insecure-no-auth")).startsWith("--insecure-no-auth applies to --http only");
        assertThat(usageError("--http", "0", "--insecure-no-auth", "--bind", "0.0.0.0"))
                .isEqualTo("--insecure-no-auth needs a loopback --bind (127.0.0.1, ::1 or localhost), but was '0.0.0.0'");
        assertThat(usageError("--http", "0", "--insecure-no-auth", "--bind", "example.com")).contains("but was 'example.com'");
        assertThat(usageError("--http", "0")).startsWith("--http requires authentication");
        assertThat(usageError("--http", "0", "--insecure-no-auth", "--api-keys-file", keys.toString()))
                .startsWith("--insecure-no-auth contradicts");
    }

    @Test
    void parse_httpWithAuthentication_isAccepted() throws UsageException {
        assertThat(config("--http", "0", "--api-keys-file", keys.toString()).authenticationConfigured()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(CliOption.class)
    void help_documentsEveryFlagAndItsEnvironmentVariable(CliOption option) {
        String help = CliParser.help();

        assertThat(help).contains(option.flag).contains("env " + option.env).contains(option.help);
    }

    @Test
    void help_documentsTokenHelpAndExitCodes() {
        assertThat(CliParser.help()).contains("REDSTREAM_TOKEN").contains("--help").contains("Exit codes")
                .contains("keygen|token");
    }

    @Test
    void configToString_hidesPasswordAndToken() throws UsageException {
        ServerConfig c = config(Map.of("REDSTREAM_TOKEN", "rsk_a_topsecret"), "--redis", "redis://user:hunter2@h:6379");

        assertThat(c.toString()).contains("redis://***@h:6379").contains("token given")
                .doesNotContain("hunter2").doesNotContain("topsecret");
    }

    @Test
    void distance_isLevenshtein() {
        assertThat(CliParser.distance("--redsi", "--redis")).isEqualTo(2);
        assertThat(CliParser.distance("", "abc")).isEqualTo(3);
    }
}
