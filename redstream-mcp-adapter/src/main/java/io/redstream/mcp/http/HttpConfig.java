package io.redstream.mcp.http;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

import io.redstream.mcp.ServerConfig;

/**
 * How the server serves MCP over HTTP ({@code --http} and the flags that go with it). Values are checked when
 * made; {@link #check(ServerConfig)} checks the rules that need the rest of the configuration. Immutable.
 *
 * @param port TCP port; 0 asks the operating system for a free one (the server prints the port it got)
 * @param bind address to listen on (default 127.0.0.1)
 * @param insecureNoAuth serve without authentication; only on a loopback address
 * @param allowedOrigins {@code Origin} values accepted besides the server's own loopback origins
 * @param allowedHosts {@code Host} names accepted besides loopback names (port not included)
 * @param publicUrl the URL clients use to reach {@code /mcp} through a proxy (the RFC 9728 resource); null: derived
 *     from each request
 * @param maxSessions most MCP sessions open at once
 * @param sessionIdleTimeout a session unused this long is closed
 * @param ratePerSecond requests per second each principal may send (bursts of as many)
 * @param stateless serve without sessions (several instances behind a load balancer)
 * @param maxConnections most TCP connections open at once
 */
public record HttpConfig(int port, String bind, boolean insecureNoAuth, List<String> allowedOrigins,
        List<String> allowedHosts, String publicUrl, int maxSessions, Duration sessionIdleTimeout, int ratePerSecond,
        boolean stateless, int maxConnections) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_MAX_SESSIONS = 1000;
    public static final long DEFAULT_SESSION_IDLE_SECONDS = 1800;
    public static final int DEFAULT_RATE_PER_SECOND = 100;
    public static final int DEFAULT_MAX_CONNECTIONS = 1024;

    public HttpConfig {
        range("--http", port, 0, 65_535);
        requireNonNull(bind, "bind");
        if (bind.isBlank()) {
            throw new IllegalArgumentException("--bind must not be empty");
        }
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(java.util.Locale.ROOT)).toList();
        for (String origin : allowedOrigins) {
            if (!origin.matches("https?://[^/\\s]+")) {
                throw new IllegalArgumentException("--allowed-origins: '" + origin + "' is not an origin: give"
                        + " scheme://host[:port], as a browser sends it, without a path");
            }
        }
        if (publicUrl != null && !publicUrl.matches("https?://[^\\s]+")) {
            throw new IllegalArgumentException("--public-url must be an http:// or https:// URL, but was '" + publicUrl
                    + "'");
        }
        range("--max-sessions", maxSessions, 1, 1_000_000);
        requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
        range("--session-idle-timeout", sessionIdleTimeout.toSeconds(), 1, 7 * 86_400);
        range("--rate-limit", ratePerSecond, 1, 1_000_000);
        range("--max-connections", maxConnections, 1, 1_000_000);
    }

    /** Defaults for everything but the port. */
    public static HttpConfig onPort(int port) {
        return new HttpConfig(port, DEFAULT_BIND, false, List.of(), List.of(), null, DEFAULT_MAX_SESSIONS,
                Duration.ofSeconds(DEFAULT_SESSION_IDLE_SECONDS), DEFAULT_RATE_PER_SECOND, false,
                DEFAULT_MAX_CONNECTIONS);
    }

    /**
     * @throws IllegalArgumentException when serving without authentication is not asked for explicitly, or is asked
     *     for on an address other hosts can reach
     */
    public void check(ServerConfig config) {
        if (config.authenticationConfigured()) {
            if (insecureNoAuth) {
                throw new IllegalArgumentException("--insecure-no-auth cannot be combined with authentication flags"
                        + " (--jwt-secret-file, --jwt-public-key-file, --api-keys-file)");
            }
            return;
        }
        if (!insecureNoAuth) {
            throw new IllegalArgumentException("--http needs authentication: give --jwt-secret-file,"
                    + " --jwt-public-key-file or --api-keys-file (or --insecure-no-auth on a loopback --bind for local"
                    + " testing)");
        }
        if (!loopback()) {
            throw new IllegalArgumentException("--insecure-no-auth is only allowed with a loopback --bind (127.0.0.1,"
                    + " ::1, localhost), but --bind is " + bind);
        }
    }

    /** Whether {@link #bind} is a loopback address. */
    public boolean loopback() {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind: unknown host '" + bind + "'");
        }
    }

    private static void range(String flag, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(flag + " must be between " + min + " and " + max + ", but was " + value);
        }
    }
}
