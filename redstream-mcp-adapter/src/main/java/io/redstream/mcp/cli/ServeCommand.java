package io.redstream.mcp.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.redstream.core.Redaction;
import io.redstream.mcp.ServerConfig;
import io.redstream.mcp.http.HttpConfig;
import io.redstream.mcp.http.HttpServer;
import io.redstream.mcp.server.StartupException;
import io.redstream.mcp.server.StdioServer;
import io.redstream.mcp.server.Version;
import io.redstream.mcp.tool.Toolset;
import io.redstream.mcp.tool.WaitingCapacity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code redstream-mcp [options]}: serves MCP on stdin/stdout. Every option is declared once here — flag,
 * environment variable ({@link Env}), default and help — and {@code --help} is generated from these
 * declarations, so the two cannot disagree. Values are checked by {@link ServerConfig}, which uses core's rules.
 */
@Command(name = "redstream-mcp", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        subcommands = {KeygenCommand.class, TokenCommand.class, EmbeddedRedisCommand.class},
        description = {
            "RedStream's MCP server: Redis Streams, agent state with TTL, pub/sub and atomic updates as MCP tools,"
                    + " every call authenticated and authorized by role.",
            "Serves MCP (JSON-RPC, one message per line) on stdin/stdout and logs to stderr; an MCP client normally"
                    + " starts it. Closing stdin stops it. With --http it serves many clients over Streamable HTTP"
                    + " instead, each authenticated by a bearer token. Without --redis or --cluster it starts an embedded Redis"
                    + " (temporary data, a random password only the server knows)."},
        footer = {"", "Environment: REDSTREAM_TOKEN is the caller's JWT or API key when authentication is configured.",
            "Docs: docs/mcp.md and docs/mcp-tools.md"})
public final class ServeCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Env("REDIS_URL")
    @Option(names = "--redis", paramLabel = "URI",
            description = "Standalone Redis: redis://[user:password@]host[:port][/db], or rediss:// for TLS."
                    + " Env REDIS_URL.")
    String redis;

    @Env("REDSTREAM_CLUSTER")
    @Option(names = "--cluster", paramLabel = "HOST:PORT[,...]", split = ",",
            description = "Redis Cluster seed nodes. Env REDSTREAM_CLUSTER.")
    List<String> cluster;

    @Env("REDSTREAM_JWT_SECRET_FILE")
    @Option(names = "--jwt-secret-file", paramLabel = "FILE",
            description = "HS256 secret as text (at least 32 bytes; surrounding whitespace trimmed)."
                    + " Env REDSTREAM_JWT_SECRET_FILE.")
    Path jwtSecretFile;

    @Env("REDSTREAM_JWT_PUBLIC_KEY_FILE")
    @Option(names = "--jwt-public-key-file", paramLabel = "FILE",
            description = "PEM public key for RS256 or ES256 tokens. Env REDSTREAM_JWT_PUBLIC_KEY_FILE.")
    Path jwtPublicKeyFile;

    @Env("REDSTREAM_JWT_ISSUER")
    @Option(names = "--jwt-issuer", paramLabel = "ISSUER",
            description = "Required 'iss' of JWTs. Env REDSTREAM_JWT_ISSUER.")
    String jwtIssuer;

    @Env("REDSTREAM_JWT_AUDIENCE")
    @Option(names = "--jwt-audience", paramLabel = "AUDIENCE",
            description = "Required 'aud' of JWTs. Env REDSTREAM_JWT_AUDIENCE.")
    String jwtAudience;

    @Env("REDSTREAM_API_KEYS_FILE")
    @Option(names = "--api-keys-file", paramLabel = "FILE",
            description = "API keys (hashes only; make keys with the keygen command); re-read when it changes."
                    + " Env REDSTREAM_API_KEYS_FILE.")
    Path apiKeysFile;

    @Env("REDSTREAM_POLICY_FILE")
    @Option(names = "--policy-file", paramLabel = "FILE",
            description = "Role policy (allow/deny rules); default: the built-in per-domain roles."
                    + " Env REDSTREAM_POLICY_FILE.")
    Path policyFile;

    @Env("REDSTREAM_READ_ONLY")
    @Option(names = "--read-only", defaultValue = "false", fallbackValue = "true",
            arity = "0..1", description = "List and allow only the read-only tools of state, pubsub, streams and"
                    + " health; write nothing (the server does not heartbeat either). Env REDSTREAM_READ_ONLY.")
    boolean readOnly;

    @Env("REDSTREAM_TOOLSETS")
    @Option(names = "--toolsets", paramLabel = "LIST",
            description = "Only these tool groups, comma-separated: state, pubsub, streams, health, tasks, locks,"
                    + " presence (default: all)."
                    + " Env REDSTREAM_TOOLSETS.")
    String toolsets;

    @Env("REDSTREAM_DEFAULT_TTL")
    @Option(names = "--default-ttl", paramLabel = "SECONDS",
            defaultValue = "" + ServerConfig.DEFAULT_TTL_SECONDS,
            description = "TTL of key writes that give none (default " + ServerConfig.DEFAULT_TTL_SECONDS + ")."
                    + " Env REDSTREAM_DEFAULT_TTL.")
    long defaultTtl;

    @Env("REDSTREAM_MAX_VALUE_BYTES")
    @Option(names = "--max-value-bytes", paramLabel = "BYTES",
            defaultValue = "" + ServerConfig.DEFAULT_MAX_VALUE_BYTES,
            description = "Largest value or message (default " + ServerConfig.DEFAULT_MAX_VALUE_BYTES + ")."
                    + " Env REDSTREAM_MAX_VALUE_BYTES.")
    int maxValueBytes;

    @Env("REDSTREAM_MAX_COUNT")
    @Option(names = "--max-count", paramLabel = "N",
            defaultValue = "" + ServerConfig.DEFAULT_MAX_COUNT,
            description = "Largest count, and most keys, ids or channels in one call (default "
                    + ServerConfig.DEFAULT_MAX_COUNT + "). Env REDSTREAM_MAX_COUNT.")
    int maxCount;

    @Env("REDSTREAM_MAX_BLOCK_MS")
    @Option(names = "--max-block-ms", paramLabel = "MILLIS",
            defaultValue = "" + ServerConfig.DEFAULT_MAX_BLOCK_MILLIS,
            description = "Longest block_ms or timeout_ms of a call (default " + ServerConfig.DEFAULT_MAX_BLOCK_MILLIS
                    + "). Env REDSTREAM_MAX_BLOCK_MS.")
    long maxBlockMs;

    @Env("REDSTREAM_MAX_MULTI_OPS")
    @Option(names = "--max-multi-ops", paramLabel = "N",
            defaultValue = "" + ServerConfig.DEFAULT_MAX_MULTI_OPS,
            description = "Most operations in one redis_multi (default " + ServerConfig.DEFAULT_MAX_MULTI_OPS + ")."
                    + " Env REDSTREAM_MAX_MULTI_OPS.")
    int maxMultiOps;

    @Env("REDSTREAM_MAX_RESULT_BYTES")
    @Option(names = "--max-result-bytes", paramLabel = "BYTES",
            defaultValue = "" + ServerConfig.DEFAULT_MAX_RESULT_BYTES,
            description = "Longest reply line of a tool call; longer lists are cut and marked truncated (default "
                    + ServerConfig.DEFAULT_MAX_RESULT_BYTES + "). Env REDSTREAM_MAX_RESULT_BYTES.")
    int maxResultBytes;

    @Env("REDSTREAM_MAX_WAITING_CALLS")
    @Option(names = "--max-waiting-calls", paramLabel = "N",
            defaultValue = "" + WaitingCapacity.DEFAULT_MAX,
            description = "Most calls waiting at once (blocking reads, subscriptions); more are refused at once"
                    + " (default " + WaitingCapacity.DEFAULT_MAX + "). Env REDSTREAM_MAX_WAITING_CALLS.")
    int maxWaitingCalls;

    @Env("REDSTREAM_HTTP_PORT")
    @Option(names = "--http", paramLabel = "PORT",
            description = "Serve MCP over HTTP on this port instead of stdio (0: a free port, printed at start):"
                    + " Streamable HTTP on /mcp, /health, /metrics. Env REDSTREAM_HTTP_PORT.")
    Integer httpPort;

    @Env("REDSTREAM_BIND")
    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = HttpConfig.DEFAULT_BIND,
            description = "Address --http listens on (default " + HttpConfig.DEFAULT_BIND + ")."
                    + " Env REDSTREAM_BIND.")
    String bind;

    @Env("REDSTREAM_INSECURE_NO_AUTH")
    @Option(names = "--insecure-no-auth", defaultValue = "false", fallbackValue = "true", arity = "0..1",
            description = "Serve --http without authentication (every caller is local admin); only with a loopback"
                    + " --bind. Env REDSTREAM_INSECURE_NO_AUTH.")
    boolean insecureNoAuth;

    @Env("REDSTREAM_ALLOWED_ORIGINS")
    @Option(names = "--allowed-origins", paramLabel = "ORIGIN[,...]", split = ",",
            description = "Browser origins (scheme://host[:port]) accepted besides loopback ones."
                    + " Env REDSTREAM_ALLOWED_ORIGINS.")
    List<String> allowedOrigins;

    @Env("REDSTREAM_ALLOWED_HOSTS")
    @Option(names = "--allowed-hosts", paramLabel = "HOST[,...]", split = ",",
            description = "Host header names accepted besides loopback names (DNS-rebinding protection)."
                    + " Env REDSTREAM_ALLOWED_HOSTS.")
    List<String> allowedHosts;

    @Env("REDSTREAM_PUBLIC_URL")
    @Option(names = "--public-url", paramLabel = "URL",
            description = "URL of /mcp as clients reach it through a proxy (the OAuth protected resource); its host"
                    + " is allowed. Env REDSTREAM_PUBLIC_URL.")
    String publicUrl;

    @Env("REDSTREAM_MAX_SESSIONS")
    @Option(names = "--max-sessions", paramLabel = "N", defaultValue = "" + HttpConfig.DEFAULT_MAX_SESSIONS,
            description = "Most MCP sessions open at once over HTTP (default " + HttpConfig.DEFAULT_MAX_SESSIONS
                    + "). Env REDSTREAM_MAX_SESSIONS.")
    int maxSessions;

    @Env("REDSTREAM_SESSION_IDLE_TIMEOUT")
    @Option(names = "--session-idle-timeout", paramLabel = "SECONDS",
            defaultValue = "" + HttpConfig.DEFAULT_SESSION_IDLE_SECONDS,
            description = "An HTTP session unused this long is closed (default "
                    + HttpConfig.DEFAULT_SESSION_IDLE_SECONDS + "). Env REDSTREAM_SESSION_IDLE_TIMEOUT.")
    long sessionIdleSeconds;

    @Env("REDSTREAM_RATE_LIMIT")
    @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "" + HttpConfig.DEFAULT_RATE_PER_SECOND,
            description = "HTTP requests per second per principal, in bursts of as many; more get 429 (default "
                    + HttpConfig.DEFAULT_RATE_PER_SECOND + "). Env REDSTREAM_RATE_LIMIT.")
    int rateLimit;

    @Env("REDSTREAM_STATELESS")
    @Option(names = "--stateless", defaultValue = "false", fallbackValue = "true", arity = "0..1",
            description = "Serve --http without sessions, so several instances behind a load balancer share one"
                    + " Redis. Env REDSTREAM_STATELESS.")
    boolean stateless;

    @Env("REDSTREAM_MAX_CONNECTIONS")
    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "" + HttpConfig.DEFAULT_MAX_CONNECTIONS,
            description = "Most HTTP connections open at once; more wait to be accepted (default "
                    + HttpConfig.DEFAULT_MAX_CONNECTIONS + "). Env REDSTREAM_MAX_CONNECTIONS.")
    int maxConnections;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final IO io;

    /** The process's streams and environment, so tests can drive the command in-process. */
    record IO(InputStream in, OutputStream protocolOut, PrintStream err, java.util.Map<String, String> env) {
    }

    ServeCommand(IO io) {
        this.io = io;
    }

    /** The configuration these options describe. */
    ServerConfig config() {
        try {
            boolean noCluster = cluster == null || cluster.size() == 1 && cluster.get(0).isBlank();
            return new ServerConfig(given(redis).map(String::strip), noCluster ? List.of() : cluster,
                    readable("--jwt-secret-file", jwtSecretFile), readable("--jwt-public-key-file", jwtPublicKeyFile),
                    Optional.ofNullable(jwtIssuer), Optional.ofNullable(jwtAudience),
                    readable("--api-keys-file", apiKeysFile), readable("--policy-file", policyFile), readOnly,
                    given(toolsets).map(ServeCommand::parseToolsets).orElse(EnumSet.allOf(Toolset.class)),
                    defaultTtl, maxCount, maxBlockMs, maxMultiOps, maxValueBytes, maxResultBytes, maxWaitingCalls,
                    given(io.env().get("REDSTREAM_TOKEN")));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), Redaction.redact(e.getMessage()));
        }
    }

    /** A value that is there and not blank. */
    private static Optional<String> given(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    /** The HTTP settings these options describe; null without {@code --http}. */
    HttpConfig httpConfig(ServerConfig config) {
        if (httpPort == null) {
            for (String flag : new String[] {"--bind", "--insecure-no-auth", "--allowed-origins", "--allowed-hosts",
                "--public-url", "--max-sessions", "--session-idle-timeout", "--rate-limit", "--stateless",
                "--max-connections"}) {
                if (spec.commandLine().getParseResult().hasMatchedOption(flag)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), flag + " needs --http PORT");
                }
            }
            return null;
        }
        try {
            HttpConfig http = new HttpConfig(httpPort, bind.strip(), insecureNoAuth, list(allowedOrigins),
                    list(allowedHosts), publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip(),
                    maxSessions, java.time.Duration.ofSeconds(sessionIdleSeconds), rateLimit, stateless,
                    maxConnections);
            http.check(config);
            return http;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), Redaction.redact(e.getMessage()));
        }
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static Set<Toolset> parseToolsets(String list) {
        try {
            return Toolset.parse(list);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + e.getMessage());
        }
    }

    private static Optional<Path> readable(String flag, Path path) {
        if (path != null && (!Files.isRegularFile(path) || !Files.isReadable(path))) {
            throw new IllegalArgumentException(flag + ": " + (Files.exists(path) ? "not a readable file"
                    : "file not found") + ": " + path.toAbsolutePath());
        }
        return Optional.ofNullable(path);
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = config();
        HttpConfig http = httpConfig(config);
        if (http != null) {
            return serveHttp(config, http);
        }
        AtomicReference<StdioServer> started = new AtomicReference<>();
        stopOnSignal(started::get);
        StdioServer server;
        try {
            server = StdioServer.start(config, io.in(), io.protocolOut(), message -> io.err().println(
                    "redstream-mcp: warning: " + message));
        } catch (StartupException e) {
            io.err().println("redstream-mcp: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        started.set(server);
        if (Signals.received()) {
            server.close(); // the signal came while the server was starting
        }
        io.err().println("redstream-mcp " + Version.current() + ": serving " + server.catalog().enabledNames().size()
                + " MCP tools on stdio over " + describe(config) + ". Waiting for an MCP client on stdin; closing"
                + " stdin (Ctrl-D) stops the server.");
        server.awaitEndOfInput();
        if (!Signals.received()) {
            log.info("stdin closed; stopping");
        }
        server.close();
        return CommandLine.ExitCode.OK;
    }

    private int serveHttp(ServerConfig config, HttpConfig http) throws InterruptedException {
        AtomicReference<HttpServer> started = new AtomicReference<>();
        stopOnSignal(started::get);
        HttpServer server;
        try {
            server = HttpServer.start(config, http, message -> io.err().println("redstream-mcp: warning: " + message));
        } catch (StartupException e) {
            io.err().println("redstream-mcp: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        started.set(server);
        if (Signals.received()) {
            server.close(); // the signal came while the server was starting
        }
        io.err().println("redstream-mcp " + Version.current() + ": serving " + server.catalog().enabledNames().size()
                + " MCP tools over " + (http.stateless() ? "stateless " : "") + "Streamable HTTP at " + server.url()
                + " over " + describe(config) + " (health: /health, metrics: /metrics). SIGTERM or Ctrl-C stops"
                + " the server.");
        server.join();
        return CommandLine.ExitCode.OK;
    }

    /**
     * Installed before the server starts, so a signal during start-up is not lost (the JVM would otherwise exit
     * without draining); {@code server} is null until the server runs, and it is then closed right after start.
     */
    private void stopOnSignal(Supplier<? extends AutoCloseable> server) {
        Signals.onStop(signal -> {
            log.info("received {}; finishing calls in flight, then stopping", signal);
            AutoCloseable running = server.get();
            if (running != null) {
                try {
                    running.close();
                } catch (Exception e) {
                    log.warn("stopping failed: {}", Redaction.describe(e));
                }
            }
        });
    }

    private static String describe(ServerConfig config) {
        if (config.embeddedRedis()) {
            return "an embedded Redis (temporary data)";
        }
        return config.redisUri().map(u -> "Redis at " + Redaction.redact(u))
                .orElse("the Redis Cluster at " + String.join(",", config.clusterNodes()));
    }
}
