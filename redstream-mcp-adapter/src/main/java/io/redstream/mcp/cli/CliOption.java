package io.redstream.mcp.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.redstream.mcp.Limits;
import io.redstream.mcp.ServerConfig;

/**
 * Every server flag with its environment variable, value name, default and help. The help text and
 * the parser are both generated from this table, so they cannot disagree.
 */
enum CliOption {

    REDIS("--redis", "URI", "REDIS_URL", null,
            "Standalone Redis: redis://[user:password@]host[:port][/db] or rediss://... (TLS). Without --redis"
                    + " and --cluster an embedded Redis is started.") {
        @Override
        void apply(Settings s, String v) {
            s.config.redisUri(v);
        }
    },
    CLUSTER("--cluster", "HOST:PORT,...", "REDSTREAM_CLUSTER", null,
            "Redis Cluster seed nodes, comma-separated.") {
        @Override
        void apply(Settings s, String v) {
            s.config.clusterNodes(Arrays.stream(v.split(",", -1)).map(String::strip).toList());
        }
    },
    HTTP("--http", "PORT", "REDSTREAM_HTTP_PORT", null,
            "Serve Streamable HTTP on /mcp (and WebSocket /ws, /health, /metrics) instead of stdio; 0 = any free port.") {
        @Override
        void apply(Settings s, String v) {
            s.config.httpPort(integer(v));
        }
    },
    BIND("--bind", "ADDR", "REDSTREAM_BIND", ServerConfig.DEFAULT_BIND_ADDRESS,
            "Address the HTTP server listens on.") {
        @Override
        void apply(Settings s, String v) {
            s.config.bindAddress(v);
        }
    },
    JWT_SECRET_FILE("--jwt-secret-file", "FILE", "REDSTREAM_JWT_SECRET_FILE", null,
            "HS256 secret as text (at least 32 bytes, surrounding whitespace trimmed).") {
        @Override
        void apply(Settings s, String v) {
            s.config.jwtSecretFile(readableFile(v));
        }
    },
    JWT_PUBLIC_KEY_FILE("--jwt-public-key-file", "FILE", "REDSTREAM_JWT_PUBLIC_KEY_FILE", null,
            "PEM public key for RS256/ES256 tokens.") {
        @Override
        void apply(Settings s, String v) {
            s.config.jwtPublicKeyFile(readableFile(v));
        }
    },
    JWT_ISSUER("--jwt-issuer", "ISSUER", "REDSTREAM_JWT_ISSUER", null,
            "Required 'iss' claim of JWTs.") {
        @Override
        void apply(Settings s, String v) {
            s.config.jwtIssuer(v);
        }
    },
    JWT_AUDIENCE("--jwt-audience", "AUDIENCE", "REDSTREAM_JWT_AUDIENCE", null,
            "Required 'aud' claim of JWTs.") {
        @Override
        void apply(Settings s, String v) {
            s.config.jwtAudience(v);
        }
    },
    API_KEYS_FILE("--api-keys-file", "FILE", "REDSTREAM_API_KEYS_FILE", null,
            "API key store (hashes only; create keys with the keygen command).") {
        @Override
        void apply(Settings s, String v) {
            s.config.apiKeysFile(readableFile(v));
        }
    },
    POLICY_FILE("--policy-file", "FILE", "REDSTREAM_POLICY_FILE", null,
            "Role policy (allow/deny rules); default: the built-in per-domain roles.") {
        @Override
        void apply(Settings s, String v) {
            s.config.policyFile(readableFile(v));
        }
    },
    READ_ONLY("--read-only", null, "REDSTREAM_READ_ONLY", "false",
            "List and allow only the read-only tools; refuse every other tool.") {
        @Override
        void apply(Settings s, String v) {
            s.config.readOnly(bool(v));
        }
    },
    DEFAULT_TTL("--default-ttl", "SECONDS", "REDSTREAM_DEFAULT_TTL", Long.toString(ServerConfig.DEFAULT_TTL_SECONDS),
            "TTL of key writes through MCP when a call gives none.") {
        @Override
        void apply(Settings s, String v) {
            s.config.defaultTtlSeconds(longValue(v));
        }
    },
    INSECURE_NO_AUTH("--insecure-no-auth", null, "REDSTREAM_INSECURE_NO_AUTH", "false",
            "Serve HTTP without authentication; only with a loopback --bind.") {
        @Override
        void apply(Settings s, String v) {
            s.config.insecureNoAuth(bool(v));
        }
    },
    MAX_VALUE_BYTES("--max-value-bytes", "BYTES", "REDSTREAM_MAX_VALUE_BYTES", Integer.toString(Limits.DEFAULT_MAX_VALUE_BYTES),
            "Largest value a tool accepts (UTF-8 bytes).") {
        @Override
        void apply(Settings s, String v) {
            s.maxValueBytes = integer(v);
        }
    },
    MAX_COUNT("--max-count", "N", "REDSTREAM_MAX_COUNT", Integer.toString(Limits.DEFAULT_MAX_COUNT),
            "Largest count, and most keys/ids/channels in one call.") {
        @Override
        void apply(Settings s, String v) {
            s.maxCount = integer(v);
        }
    },
    MAX_BLOCK_MS("--max-block-ms", "MILLIS", "REDSTREAM_MAX_BLOCK_MS", Long.toString(Limits.DEFAULT_MAX_BLOCK_MILLIS),
            "Longest block_ms / timeout_ms of a call.") {
        @Override
        void apply(Settings s, String v) {
            s.maxBlockMillis = longValue(v);
        }
    },
    MAX_MULTI_OPS("--max-multi-ops", "N", "REDSTREAM_MAX_MULTI_OPS", Integer.toString(Limits.DEFAULT_MAX_MULTI_OPS),
            "Most operations in one redis_multi.") {
        @Override
        void apply(Settings s, String v) {
            s.maxMultiOps = integer(v);
        }
    },
    MAX_RESULT_BYTES("--max-result-bytes", "BYTES", "REDSTREAM_MAX_RESULT_BYTES", Integer.toString(Limits.DEFAULT_MAX_RESULT_BYTES),
            "Largest result (compact JSON); longer lists are cut and marked truncated.") {
        @Override
        void apply(Settings s, String v) {
            s.maxResultBytes = integer(v);
        }
    };

    /** The mutable state a parse fills in. */
    static final class Settings {
        final ServerConfig.Builder config = ServerConfig.builder();
        int maxValueBytes = Limits.DEFAULT_MAX_VALUE_BYTES;
        int maxCount = Limits.DEFAULT_MAX_COUNT;
        long maxBlockMillis = Limits.DEFAULT_MAX_BLOCK_MILLIS;
        int maxMultiOps = Limits.DEFAULT_MAX_MULTI_OPS;
        int maxResultBytes = Limits.DEFAULT_MAX_RESULT_BYTES;

        Limits limits() {
            return new Limits(maxValueBytes, maxCount, maxBlockMillis, maxMultiOps, maxResultBytes);
        }
    }

    final String flag;
    /** Null for a switch (a flag without value). */
    final String valueName;
    final String env;
    final String defaultValue;
    final String help;

    CliOption(String flag, String valueName, String env, String defaultValue, String help) {
        this.flag = flag;
        this.valueName = valueName;
        this.env = env;
        this.defaultValue = defaultValue;
        this.help = help;
    }

    boolean isSwitch() {
        return valueName == null;
    }

    /** Applies a value; throws IllegalArgumentException with a message that follows the source name. */
    abstract void apply(Settings settings, String value);

    static CliOption byFlag(String flag) {
        for (CliOption o : values()) {
            if (o.flag.equals(flag)) {
                return o;
            }
        }
        return null;
    }

    static List<String> flags() {
        return Arrays.stream(values()).map(o -> o.flag).toList();
    }

    static int integer(String v) {
        long value = longValue(v);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("must be an integer up to " + Integer.MAX_VALUE + ", but was '" + v + "'");
        }
        return (int) value;
    }

    static long longValue(String v) {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be an integer, but was '" + v + "'");
        }
    }

    static boolean bool(String v) {
        switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> {
                return true;
            }
            case "false", "0", "no", "off" -> {
                return false;
            }
            default -> throw new IllegalArgumentException("must be true or false, but was '" + v + "'");
        }
    }

    static Path readableFile(String v) {
        Path path;
        try {
            path = Path.of(v.strip());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("is not a valid path: '" + v + "'");
        }
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("file not found: " + path.toAbsolutePath());
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new IllegalArgumentException("not a readable file: " + path.toAbsolutePath());
        }
        return path;
    }
}
