package io.redstream.mcp;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.redstream.core.Limits;
import io.redstream.core.RedStream;
import io.redstream.core.Redaction;
import io.redstream.mcp.tool.Toolset;
import io.redstream.mcp.tool.WaitingCapacity;

/**
 * Everything the MCP server is started with. Immutable and thread-safe; {@link #toString()} never shows the Redis
 * password or the token. Made by the command line ({@code Main}) from flags and environment variables, or with
 * {@link #builder()}. Defaults are those of {@link Builder}.
 */
public final class ServerConfig {

    /** Default of {@code --default-ttl}: one day. */
    public static final long DEFAULT_TTL_SECONDS = 86_400;
    /** Longest {@code --default-ttl}: 10 years. */
    public static final long MAX_TTL_SECONDS = 10L * 365 * 86_400;
    /** Default of {@code --max-count}. */
    public static final int DEFAULT_MAX_COUNT = 1000;
    /** Default of {@code --max-block-ms}. */
    public static final long DEFAULT_MAX_BLOCK_MILLIS = 30_000;
    /** Default of {@code --max-multi-ops}. */
    public static final int DEFAULT_MAX_MULTI_OPS = 50;
    /** Default of {@code --max-value-bytes}: 1 MiB. */
    public static final int DEFAULT_MAX_VALUE_BYTES = 1024 * 1024;
    /** Default of {@code --max-result-bytes}: 4 MiB. */
    public static final int DEFAULT_MAX_RESULT_BYTES = 4 * 1024 * 1024;

    private final String redisUri;
    private final List<String> clusterNodes;
    private final Path jwtSecretFile;
    private final Path jwtPublicKeyFile;
    private final String jwtIssuer;
    private final String jwtAudience;
    private final Path apiKeysFile;
    private final Path policyFile;
    private final boolean readOnly;
    private final Set<Toolset> toolsets;
    private final long defaultTtlSeconds;
    private final Limits limits;
    private final int maxResultBytes;
    private final int maxWaitingCalls;
    private final String token;

    private ServerConfig(Builder b) {
        this.redisUri = b.redisUri;
        this.clusterNodes = List.copyOf(b.clusterNodes);
        this.jwtSecretFile = b.jwtSecretFile;
        this.jwtPublicKeyFile = b.jwtPublicKeyFile;
        this.jwtIssuer = b.jwtIssuer;
        this.jwtAudience = b.jwtAudience;
        this.apiKeysFile = b.apiKeysFile;
        this.policyFile = b.policyFile;
        this.readOnly = b.readOnly;
        this.toolsets = Set.copyOf(b.toolsets);
        this.defaultTtlSeconds = b.defaultTtlSeconds;
        this.limits = b.limits();
        this.maxResultBytes = b.maxResultBytes;
        this.maxWaitingCalls = b.maxWaitingCalls;
        this.token = b.token;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code --redis}: a standalone Redis; empty with {@code --cluster} or for the embedded Redis. */
    public Optional<String> redisUri() {
        return Optional.ofNullable(redisUri);
    }

    /** {@code --cluster}: seed nodes as {@code host:port}. */
    public List<String> clusterNodes() {
        return clusterNodes;
    }

    /** Neither {@code --redis} nor {@code --cluster}: the server starts an embedded Redis. */
    public boolean embeddedRedis() {
        return redisUri == null && clusterNodes.isEmpty();
    }

    public Optional<Path> jwtSecretFile() {
        return Optional.ofNullable(jwtSecretFile);
    }

    public Optional<Path> jwtPublicKeyFile() {
        return Optional.ofNullable(jwtPublicKeyFile);
    }

    public Optional<String> jwtIssuer() {
        return Optional.ofNullable(jwtIssuer);
    }

    public Optional<String> jwtAudience() {
        return Optional.ofNullable(jwtAudience);
    }

    public Optional<Path> apiKeysFile() {
        return Optional.ofNullable(apiKeysFile);
    }

    public Optional<Path> policyFile() {
        return Optional.ofNullable(policyFile);
    }

    /** Whether JWT or API-key authentication is configured. */
    public boolean authenticationConfigured() {
        return jwtSecretFile != null || jwtPublicKeyFile != null || apiKeysFile != null;
    }

    public boolean readOnly() {
        return readOnly;
    }

    public Set<Toolset> toolsets() {
        return toolsets;
    }

    public long defaultTtlSeconds() {
        return defaultTtlSeconds;
    }

    /** The limits of core the server's Redis client applies (counts, sizes, blocking, transaction size). */
    public Limits limits() {
        return limits;
    }

    public int maxResultBytes() {
        return maxResultBytes;
    }

    public int maxWaitingCalls() {
        return maxWaitingCalls;
    }

    /** {@code REDSTREAM_TOKEN}: the stdio caller's JWT or API key. A secret: never log it. */
    public Optional<String> token() {
        return Optional.ofNullable(token);
    }

    @Override
    public String toString() {
        return "ServerConfig[redis=" + (redisUri != null ? Redaction.redact(redisUri)
                : clusterNodes.isEmpty() ? "embedded" : "cluster " + clusterNodes)
                + ", auth=" + (authenticationConfigured() ? "configured" : "none") + (token != null ? " (token given)" : "")
                + (policyFile != null ? ", policy=" + policyFile : "") + ", readOnly=" + readOnly + ", toolsets="
                + toolsets + ", defaultTtlSeconds=" + defaultTtlSeconds + ", maxResultBytes=" + maxResultBytes
                + ", maxWaitingCalls=" + maxWaitingCalls + ", limits=" + limits + "]";
    }

    /**
     * Collects settings; {@link #build()} checks them. Not thread-safe. Defaults: embedded Redis, no
     * authentication (the caller is the local admin), built-in roles, every toolset, not read-only,
     * {@value #DEFAULT_TTL_SECONDS} s default TTL, {@value #DEFAULT_MAX_COUNT} per count,
     * {@value #DEFAULT_MAX_BLOCK_MILLIS} ms longest wait, {@value #DEFAULT_MAX_MULTI_OPS} operations per multi,
     * {@value #DEFAULT_MAX_VALUE_BYTES} bytes per value, {@value #DEFAULT_MAX_RESULT_BYTES} bytes per result,
     * {@value WaitingCapacity#DEFAULT_MAX} waiting calls. Messages name the command line flag, since values
     * usually come from there.
     */
    public static final class Builder {
        private String redisUri;
        private List<String> clusterNodes = List.of();
        private Path jwtSecretFile;
        private Path jwtPublicKeyFile;
        private String jwtIssuer;
        private String jwtAudience;
        private Path apiKeysFile;
        private Path policyFile;
        private boolean readOnly;
        private Set<Toolset> toolsets = EnumSet.allOf(Toolset.class);
        private long defaultTtlSeconds = DEFAULT_TTL_SECONDS;
        private int maxCount = DEFAULT_MAX_COUNT;
        private long maxBlockMillis = DEFAULT_MAX_BLOCK_MILLIS;
        private int maxMultiOps = DEFAULT_MAX_MULTI_OPS;
        private int maxValueBytes = DEFAULT_MAX_VALUE_BYTES;
        private int maxResultBytes = DEFAULT_MAX_RESULT_BYTES;
        private int maxWaitingCalls = WaitingCapacity.DEFAULT_MAX;
        private String token;

        private Builder() {
        }

        /** Checked by core's own rule for Redis URIs. */
        public Builder redisUri(String uri) {
            requireNonNull(uri, "uri");
            try {
                RedStream.builder().redisUri(uri);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--redis: " + Redaction.redact(e.getMessage()));
            }
            this.redisUri = uri;
            return this;
        }

        /** Checked by core's own rule for cluster nodes. */
        public Builder clusterNodes(List<String> nodes) {
            requireNonNull(nodes, "nodes");
            try {
                RedStream.builder().clusterNodes(nodes.toArray(String[]::new));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--cluster: " + e.getMessage());
            }
            this.clusterNodes = nodes.stream().map(String::strip).toList();
            return this;
        }

        public Builder jwtSecretFile(Path file) {
            this.jwtSecretFile = requireNonNull(file, "file");
            return this;
        }

        public Builder jwtPublicKeyFile(Path file) {
            this.jwtPublicKeyFile = requireNonNull(file, "file");
            return this;
        }

        public Builder jwtIssuer(String issuer) {
            this.jwtIssuer = nonBlank("--jwt-issuer", issuer);
            return this;
        }

        public Builder jwtAudience(String audience) {
            this.jwtAudience = nonBlank("--jwt-audience", audience);
            return this;
        }

        public Builder apiKeysFile(Path file) {
            this.apiKeysFile = requireNonNull(file, "file");
            return this;
        }

        public Builder policyFile(Path file) {
            this.policyFile = requireNonNull(file, "file");
            return this;
        }

        public Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        public Builder toolsets(Set<Toolset> toolsets) {
            requireNonNull(toolsets, "toolsets");
            if (toolsets.isEmpty()) {
                throw new IllegalArgumentException("--toolsets must name at least one of " + Toolset.ids());
            }
            this.toolsets = EnumSet.copyOf(toolsets);
            return this;
        }

        public Builder defaultTtlSeconds(long seconds) {
            this.defaultTtlSeconds = range("--default-ttl", seconds, 1, MAX_TTL_SECONDS);
            return this;
        }

        public Builder maxCount(int n) {
            this.maxCount = (int) range("--max-count", n, 1, 1_000_000);
            return this;
        }

        public Builder maxBlockMillis(long millis) {
            this.maxBlockMillis = range("--max-block-ms", millis, 1, 3_600_000);
            return this;
        }

        public Builder maxMultiOps(int n) {
            this.maxMultiOps = (int) range("--max-multi-ops", n, 1, 10_000);
            return this;
        }

        public Builder maxValueBytes(int bytes) {
            this.maxValueBytes = (int) range("--max-value-bytes", bytes, 1, 512L * 1024 * 1024);
            return this;
        }

        public Builder maxResultBytes(int bytes) {
            this.maxResultBytes = (int) range("--max-result-bytes", bytes, 4096, Integer.MAX_VALUE / 4);
            return this;
        }

        public Builder maxWaitingCalls(int n) {
            this.maxWaitingCalls = (int) range("--max-waiting-calls", n, 1, 1024);
            return this;
        }

        public Builder token(String token) {
            this.token = nonBlank("REDSTREAM_TOKEN", token).strip();
            return this;
        }

        private Limits limits() {
            return Limits.builder()
                    .maxCount(maxCount)
                    .maxFieldsPerMessage(maxCount)
                    .maxMessageBytes(maxValueBytes)
                    .maxValueBytes(maxValueBytes)
                    .maxBlock(java.time.Duration.ofMillis(maxBlockMillis))
                    .maxTransactionOperations(maxMultiOps)
                    .build();
        }

        /** @throws IllegalArgumentException naming the flags whose combination cannot work */
        public ServerConfig build() {
            if (redisUri != null && !clusterNodes.isEmpty()) {
                throw new IllegalArgumentException("give either --redis or --cluster, not both");
            }
            if ((jwtIssuer != null || jwtAudience != null) && jwtSecretFile == null && jwtPublicKeyFile == null) {
                throw new IllegalArgumentException("--jwt-issuer and --jwt-audience need a JWT key: give"
                        + " --jwt-secret-file or --jwt-public-key-file");
            }
            if (maxResultBytes <= maxValueBytes * 2L + 4096) {
                throw new IllegalArgumentException("--max-result-bytes must be more than twice --max-value-bytes plus"
                        + " 4096, so that one value fits in a result, but was " + maxResultBytes + " with"
                        + " --max-value-bytes " + maxValueBytes);
            }
            return new ServerConfig(this);
        }

        private static long range(String flag, long value, long min, long max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(flag + " must be between " + min + " and " + max + ", but was "
                        + value);
            }
            return value;
        }

        private static String nonBlank(String what, String value) {
            requireNonNull(value, "value");
            if (value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be empty");
            }
            return value;
        }
    }
}
