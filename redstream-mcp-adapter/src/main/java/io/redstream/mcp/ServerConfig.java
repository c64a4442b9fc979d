package io.redstream.mcp;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
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
 * Everything the MCP server is started with, checked when made: each value by its rule (Redis URIs and cluster
 * nodes by core's own), then the combinations. Messages name the command line flag, since values come from there
 * ({@code ServeCommand}). Immutable and thread-safe; {@link #toString()} never shows the Redis password or the
 * token.
 *
 * @param redisUri          {@code --redis}: a standalone Redis; empty with {@code --cluster} or for the embedded one
 * @param clusterNodes      {@code --cluster}: seed nodes as {@code host:port}
 * @param jwtSecretFile     {@code --jwt-secret-file}
 * @param jwtPublicKeyFile  {@code --jwt-public-key-file}
 * @param jwtIssuer         {@code --jwt-issuer}
 * @param jwtAudience       {@code --jwt-audience}
 * @param apiKeysFile       {@code --api-keys-file}
 * @param policyFile        {@code --policy-file}
 * @param readOnly          {@code --read-only}
 * @param toolsets          {@code --toolsets}: at least one
 * @param defaultTtlSeconds {@code --default-ttl}
 * @param maxCount          {@code --max-count}
 * @param maxBlockMillis    {@code --max-block-ms}
 * @param maxMultiOps       {@code --max-multi-ops}
 * @param maxValueBytes     {@code --max-value-bytes}
 * @param maxResultBytes    {@code --max-result-bytes}: more than twice {@code maxValueBytes} plus 4096
 * @param maxWaitingCalls   {@code --max-waiting-calls}
 * @param token             {@code REDSTREAM_TOKEN}: the stdio caller's JWT or API key. A secret: never log it.
 */
public record ServerConfig(Optional<String> redisUri, List<String> clusterNodes, Optional<Path> jwtSecretFile,
        Optional<Path> jwtPublicKeyFile, Optional<String> jwtIssuer, Optional<String> jwtAudience,
        Optional<Path> apiKeysFile, Optional<Path> policyFile, boolean readOnly, Set<Toolset> toolsets,
        long defaultTtlSeconds, int maxCount, long maxBlockMillis, int maxMultiOps, int maxValueBytes,
        int maxResultBytes, int maxWaitingCalls, Optional<String> token) {

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

    /** @throws IllegalArgumentException naming the flag whose value, or the flags whose combination, cannot work */
    public ServerConfig {
        redisUri.ifPresent(uri -> check("--redis", () -> RedStream.builder().redisUri(uri)));
        clusterNodes = List.copyOf(clusterNodes);
        if (!clusterNodes.isEmpty()) {
            String[] nodes = clusterNodes.toArray(String[]::new);
            check("--cluster", () -> RedStream.builder().clusterNodes(nodes));
            clusterNodes = clusterNodes.stream().map(String::strip).toList();
        }
        requireNonNull(jwtSecretFile, "jwtSecretFile");
        requireNonNull(jwtPublicKeyFile, "jwtPublicKeyFile");
        jwtIssuer.ifPresent(v -> nonBlank("--jwt-issuer", v));
        jwtAudience.ifPresent(v -> nonBlank("--jwt-audience", v));
        requireNonNull(apiKeysFile, "apiKeysFile");
        requireNonNull(policyFile, "policyFile");
        if (toolsets.isEmpty()) {
            throw new IllegalArgumentException("--toolsets must name at least one of " + Toolset.ids());
        }
        toolsets = Set.copyOf(toolsets);
        range("--default-ttl", defaultTtlSeconds, 1, MAX_TTL_SECONDS);
        range("--max-count", maxCount, 1, 1_000_000);
        range("--max-block-ms", maxBlockMillis, 1, 3_600_000);
        range("--max-multi-ops", maxMultiOps, 1, 10_000);
        range("--max-value-bytes", maxValueBytes, 1, 512L * 1024 * 1024);
        range("--max-result-bytes", maxResultBytes, 4096, Integer.MAX_VALUE / 4);
        range("--max-waiting-calls", maxWaitingCalls, 1, 1024);
        token = token.map(t -> nonBlank("REDSTREAM_TOKEN", t).strip());
        if (redisUri.isPresent() && !clusterNodes.isEmpty()) {
            throw new IllegalArgumentException("give either --redis or --cluster, not both");
        }
        if ((jwtIssuer.isPresent() || jwtAudience.isPresent()) && jwtSecretFile.isEmpty()
                && jwtPublicKeyFile.isEmpty()) {
            throw new IllegalArgumentException("--jwt-issuer and --jwt-audience need a JWT key: give"
                    + " --jwt-secret-file or --jwt-public-key-file");
        }
        if (maxResultBytes <= maxValueBytes * 2L + 4096) {
            throw new IllegalArgumentException("--max-result-bytes must be more than twice --max-value-bytes plus"
                    + " 4096, so that one value fits in a result, but was " + maxResultBytes + " with"
                    + " --max-value-bytes " + maxValueBytes);
        }
    }

    /**
     * What a server started without options runs with: the embedded Redis, no authentication (the caller is the
     * local admin), built-in roles, every toolset, every default above and {@value WaitingCapacity#DEFAULT_MAX}
     * waiting calls.
     */
    public static ServerConfig defaults() {
        return new ServerConfig(Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), false, EnumSet.allOf(Toolset.class),
                DEFAULT_TTL_SECONDS, DEFAULT_MAX_COUNT, DEFAULT_MAX_BLOCK_MILLIS, DEFAULT_MAX_MULTI_OPS,
                DEFAULT_MAX_VALUE_BYTES, DEFAULT_MAX_RESULT_BYTES, WaitingCapacity.DEFAULT_MAX, Optional.empty());
    }

    /** Neither {@code --redis} nor {@code --cluster}: the server starts an embedded Redis. */
    public boolean embeddedRedis() {
        return redisUri.isEmpty() && clusterNodes.isEmpty();
    }

    /** Whether JWT or API-key authentication is configured. */
    public boolean authenticationConfigured() {
        return jwtSecretFile.isPresent() || jwtPublicKeyFile.isPresent() || apiKeysFile.isPresent();
    }

    /** The limits of core the server's Redis client applies (counts, sizes, blocking, transaction size). */
    public Limits limits() {
        return Limits.builder()
                .maxCount(maxCount)
                .maxFieldsPerMessage(maxCount)
                .maxMessageBytes(maxValueBytes)
                .maxValueBytes(maxValueBytes)
                .maxBlock(Duration.ofMillis(maxBlockMillis))
                .maxTransactionOperations(maxMultiOps)
                .build();
    }

    @Override
    public String toString() {
        return "ServerConfig[redis=" + redisUri.map(Redaction::redact)
                .orElse(clusterNodes.isEmpty() ? "embedded" : "cluster " + clusterNodes)
                + ", auth=" + (authenticationConfigured() ? "configured" : "none")
                + (token.isPresent() ? " (token given)" : "") + policyFile.map(f -> ", policy=" + f).orElse("")
                + ", readOnly=" + readOnly + ", toolsets=" + toolsets + ", defaultTtlSeconds=" + defaultTtlSeconds
                + ", maxResultBytes=" + maxResultBytes + ", maxWaitingCalls=" + maxWaitingCalls + ", limits="
                + limits() + "]";
    }

    /** Runs core's check of a value; its refusal, redacted, names {@code flag}. */
    private static void check(String flag, Runnable rule) {
        try {
            rule.run();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + ": " + Redaction.redact(e.getMessage()));
        }
    }

    private static void range(String flag, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(flag + " must be between " + min + " and " + max + ", but was "
                    + value);
        }
    }

    private static String nonBlank(String what, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return value;
    }
}
