package io.redstream.mcp;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import io.redstream.mcp.internal.Redaction;

/**
 * Everything the MCP server is started with (DESIGN §4). Immutable and thread-safe; {@link #toString()}
 * never shows the Redis password or the token. Built by the command line parser from flags and
 * environment variables, or directly with {@link #builder()}.
 */
public final class ServerConfig {

    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final long DEFAULT_TTL_SECONDS = 86_400;
    /** Longest TTL a call or --default-ttl may set: 10 years. */
    public static final long MAX_TTL_SECONDS = 10L * 365 * 86_400;

    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9_.-]+):(\\d{1,5})");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final String redisUri;
    private final List<String> clusterNodes;
    private final Integer httpPort;
    private final String bindAddress;
    private final Path jwtSecretFile;
    private final Path jwtPublicKeyFile;
    private final String jwtIssuer;
    private final String jwtAudience;
    private final Path apiKeysFile;
    private final Path policyFile;
    private final boolean readOnly;
    private final long defaultTtlSeconds;
    private final boolean insecureNoAuth;
    private final String token;
    private final Limits limits;

    private ServerConfig(Builder b) {
        this.redisUri = b.redisUri;
        this.clusterNodes = List.copyOf(b.clusterNodes);
        this.httpPort = b.httpPort;
        this.bindAddress = b.bindAddress;
        this.jwtSecretFile = b.jwtSecretFile;
        this.jwtPublicKeyFile = b.jwtPublicKeyFile;
        this.jwtIssuer = b.jwtIssuer;
        this.jwtAudience = b.jwtAudience;
        this.apiKeysFile = b.apiKeysFile;
        this.policyFile = b.policyFile;
        this.readOnly = b.readOnly;
        this.defaultTtlSeconds = b.defaultTtlSeconds;
        this.insecureNoAuth = b.insecureNoAuth;
        this.token = b.token;
        this.limits = b.limits;
    }

    /** Defaults: embedded Redis, stdio, bind {@value #DEFAULT_BIND_ADDRESS}, TTL {@value #DEFAULT_TTL_SECONDS} s, {@link Limits#DEFAULTS}. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code --redis}: a standalone Redis URI; empty with {@code --cluster} or for the embedded Redis. */
    public Optional<String> redisUri() {
        return Optional.ofNullable(redisUri);
    }

    /** {@code --cluster}: seed nodes as {@code host:port}; empty unless a cluster is configured. */
    public List<String> clusterNodes() {
        return clusterNodes;
    }

    /** No {@code --redis} and no {@code --cluster}: the server starts an embedded Redis. */
    public boolean embeddedRedis() {
        return redisUri == null && clusterNodes.isEmpty();
    }

    /** {@code --http}: the Streamable HTTP port (0 = any free port); empty for stdio. */
    public OptionalInt httpPort() {
        return httpPort == null ? OptionalInt.empty() : OptionalInt.of(httpPort);
    }

    public String bindAddress() {
        return bindAddress;
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

    /** TTL given to key writes through MCP unless the call names one. */
    public long defaultTtlSeconds() {
        return defaultTtlSeconds;
    }

    public boolean insecureNoAuth() {
        return insecureNoAuth;
    }

    /** {@code REDSTREAM_TOKEN}: the caller's JWT or API key on stdio. A secret: never log it. */
    public Optional<String> token() {
        return Optional.ofNullable(token);
    }

    public Limits limits() {
        return limits;
    }

    @Override
    public String toString() {
        return "ServerConfig[redis=" + (redisUri != null ? Redaction.redactUri(redisUri)
                : clusterNodes.isEmpty() ? "embedded" : "cluster " + clusterNodes)
                + ", transport=" + (httpPort == null ? "stdio" : "http " + bindAddress + ":" + httpPort)
                + ", auth=" + (authenticationConfigured() ? "configured" : insecureNoAuth ? "insecure-no-auth" : "none")
                + (token != null ? " (token given)" : "")
                + (policyFile != null ? ", policy=" + policyFile : "")
                + ", readOnly=" + readOnly + ", defaultTtlSeconds=" + defaultTtlSeconds + ", limits=" + limits + "]";
    }

    static boolean isLoopback(String address) {
        if (address.equalsIgnoreCase("localhost")) {
            return true;
        }
        String literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (!IPV4.matcher(literal).matches() && !literal.contains(":")) {
            return false; // a host name: resolving it here would be a DNS lookup at startup
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Collects settings; {@link #build()} checks each value and the combinations. Not thread-safe.
     * Messages name the command line flag, since that is where values usually come from.
     */
    public static final class Builder {

        private String redisUri;
        private List<String> clusterNodes = List.of();
        private Integer httpPort;
        private String bindAddress = DEFAULT_BIND_ADDRESS;
        private Path jwtSecretFile;
        private Path jwtPublicKeyFile;
        private String jwtIssuer;
        private String jwtAudience;
        private Path apiKeysFile;
        private Path policyFile;
        private boolean readOnly;
        private long defaultTtlSeconds = DEFAULT_TTL_SECONDS;
        private boolean insecureNoAuth;
        private String token;
        private Limits limits = Limits.DEFAULTS;

        private Builder() {
        }

        /** {@code redis://[user:password@]host[:port][/db]} or {@code rediss://...}. */
        public Builder redisUri(String uri) {
            requireNonNull(uri, "uri");
            String lower = uri.toLowerCase(java.util.Locale.ROOT);
            if (!(lower.startsWith("redis://") || lower.startsWith("rediss://")) || uri.length() <= "redis://".length()) {
                throw new IllegalArgumentException("must be a redis:// or rediss:// URI, but was '" + Redaction.redactUri(uri) + "'");
            }
            this.redisUri = uri;
            return this;
        }

        /** Seed nodes {@code host:port} (IPv6 as {@code [addr]:port}), at least one. */
        public Builder clusterNodes(List<String> nodes) {
            requireNonNull(nodes, "nodes");
            if (nodes.isEmpty()) {
                throw new IllegalArgumentException("must name at least one node as host:port");
            }
            for (String node : nodes) {
                var m = HOST_PORT.matcher(node);
                if (!m.matches() || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 65535) {
                    throw new IllegalArgumentException("each node must be host:port with a port between 1 and 65535, but was '" + node + "'");
                }
            }
            this.clusterNodes = List.copyOf(nodes);
            return this;
        }

        /** 0 binds any free port. */
        public Builder httpPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("must be a port between 0 and 65535, but was " + port);
            }
            this.httpPort = port;
            return this;
        }

        public Builder bindAddress(String address) {
            requireNonNull(address, "address");
            if (address.isBlank()) {
                throw new IllegalArgumentException("must be an address such as 127.0.0.1, but was empty");
            }
            this.bindAddress = address.strip();
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
            this.jwtIssuer = nonBlank(issuer, "an issuer");
            return this;
        }

        public Builder jwtAudience(String audience) {
            this.jwtAudience = nonBlank(audience, "an audience");
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

        public Builder defaultTtlSeconds(long seconds) {
            if (seconds < 1 || seconds > MAX_TTL_SECONDS) {
                throw new IllegalArgumentException("must be between 1 and " + MAX_TTL_SECONDS + " seconds, but was " + seconds);
            }
            this.defaultTtlSeconds = seconds;
            return this;
        }

        public Builder insecureNoAuth(boolean insecureNoAuth) {
            this.insecureNoAuth = insecureNoAuth;
            return this;
        }

        public Builder token(String token) {
            this.token = nonBlank(token, "a JWT or API key").strip();
            return this;
        }

        public Builder limits(Limits limits) {
            this.limits = requireNonNull(limits, "limits");
            return this;
        }

        public ServerConfig build() {
            if (redisUri != null && !clusterNodes.isEmpty()) {
                throw new IllegalArgumentException("give either --redis or --cluster, not both");
            }
            if ((jwtIssuer != null || jwtAudience != null) && jwtSecretFile == null && jwtPublicKeyFile == null) {
                throw new IllegalArgumentException(
                        "--jwt-issuer and --jwt-audience need a JWT key: give --jwt-secret-file or --jwt-public-key-file");
            }
            boolean auth = jwtSecretFile != null || jwtPublicKeyFile != null || apiKeysFile != null;
            if (insecureNoAuth) {
                if (httpPort == null) {
                    throw new IllegalArgumentException("--insecure-no-auth applies to --http only (stdio needs no network authentication)");
                }
                if (auth) {
                    throw new IllegalArgumentException("--insecure-no-auth contradicts the configured authentication; remove one");
                }
                if (!isLoopback(bindAddress)) {
                    throw new IllegalArgumentException("--insecure-no-auth needs a loopback --bind (127.0.0.1, ::1 or localhost), but was '"
                            + bindAddress + "'");
                }
            } else if (httpPort != null && !auth) {
                throw new IllegalArgumentException("--http requires authentication: give --jwt-secret-file, --jwt-public-key-file or"
                        + " --api-keys-file, or --insecure-no-auth with a loopback --bind");
            }
            return new ServerConfig(this);
        }

        private static String nonBlank(String value, String what) {
            requireNonNull(value, "value");
            if (value.isBlank()) {
                throw new IllegalArgumentException("must be " + what + ", but was empty");
            }
            return value;
        }
    }
}
