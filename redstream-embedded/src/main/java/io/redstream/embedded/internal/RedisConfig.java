package io.redstream.embedded.internal;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import io.redstream.embedded.AppendFsync;

/**
 * The redis.conf of one embedded server start: immutable, rendered to text.
 *
 * <p>A generated file rather than command-line flags, because a path or password with spaces or
 * quotes survives a quoted config value but not every shell-less argv parser, because command-line
 * arguments (and with them a password) are visible to every local user in {@code ps}, and because the
 * file left in the data directory shows exactly what the server ran with. The file is written
 * owner-only (see {@link Directories#writePrivately}).
 */
public final class RedisConfig {

    /** File name of the generated config inside the data directory. */
    public static final String FILE_NAME = "redis.conf";

    /** Cluster state file name; unique per node because every node has its own data directory. */
    public static final String CLUSTER_CONFIG_FILE = "nodes.conf";

    /**
     * Directives the builder owns. Letting an extra line override them would silently break the
     * server (a different port than {@code port()} reports, a server bound to all interfaces, a
     * daemon we no longer own, a log level that hides the line readiness waits for), so they are
     * rejected where they arrive.
     */
    public static final Set<String> MANAGED_DIRECTIVES = Set.of(
            "bind", "port", "dir", "daemonize", "logfile", "loglevel", "protected-mode", "requirepass",
            "appendonly", "appendfsync", "cluster-enabled", "cluster-config-file", "cluster-announce-ip",
            "cluster-port",
            "include", "unixsocket", "tls-port", "tls-cert-file", "tls-key-file");

    private final int port;
    private final Path directory;
    private final boolean appendOnly;
    private final AppendFsync appendFsync;
    private final String password;
    private final int clusterBusPort;
    private final List<String> extraLines;
    private final int tlsPort;
    private final Path tlsCertificate;
    private final Path tlsKey;

    /**
     * @param clusterBusPort the cluster bus port, or 0 for a server not in cluster mode
     */
    public RedisConfig(int port, Path directory, boolean appendOnly, AppendFsync appendFsync, String password,
            int clusterBusPort, List<String> extraLines) {
        this(port, directory, appendOnly, appendFsync, password, clusterBusPort, extraLines, 0, null, null);
    }

    /**
     * @param tlsPort the TLS port, or 0 for no TLS; then {@code tlsCertificate} and {@code tlsKey} are ignored
     */
    public RedisConfig(int port, Path directory, boolean appendOnly, AppendFsync appendFsync, String password,
            int clusterBusPort, List<String> extraLines, int tlsPort, Path tlsCertificate, Path tlsKey) {
        this.tlsPort = tlsPort == 0 ? 0 : FreePorts.checkPort("tlsPort", tlsPort);
        this.tlsCertificate = tlsPort == 0 ? null : requireNonNull(tlsCertificate, "tlsCertificate");
        this.tlsKey = tlsPort == 0 ? null : requireNonNull(tlsKey, "tlsKey");
        this.port = FreePorts.checkPort("port", port);
        this.clusterBusPort = clusterBusPort == 0 ? 0 : FreePorts.checkPort("clusterBusPort", clusterBusPort);
        this.directory = requireNonNull(directory, "directory");
        this.appendOnly = appendOnly;
        this.appendFsync = requireNonNull(appendFsync, "appendFsync");
        this.password = password;
        this.extraLines = List.copyOf(requireNonNull(extraLines, "extraLines"));
    }

    /**
     * Validates one extra config line: a single line, not blank, not one of the
     * {@link #MANAGED_DIRECTIVES}.
     *
     * @return the line, trimmed
     */
    public static String checkExtraLine(String line) {
        requireNonNull(line, "line");
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(
                    "config line must be a single line without line breaks, but was " + quote(line));
        }
        String trimmed = line.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("config line must not be blank, but was " + quote(line));
        }
        String directive = trimmed.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        if (MANAGED_DIRECTIVES.contains(directive)) {
            throw new IllegalArgumentException("config line must not set '" + directive
                    + "', which the builder manages (" + MANAGED_DIRECTIVES.stream().sorted().toList()
                    + "), but was " + quote(line));
        }
        return trimmed;
    }

    /** The client port. */
    public int port() {
        return port;
    }

    /** The {@code requirepass} value, if any. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** The file's text. */
    public String render() {
        StringBuilder out = new StringBuilder(512);
        out.append("# Generated by redstream-embedded on every start; edits are overwritten.\n");
        // Loopback only: an embedded server must never be reachable from the network.
        out.append("bind 127.0.0.1\n");
        out.append("port ").append(port).append('\n');
        out.append("protected-mode yes\n");
        // Never daemonize: the watchdog must be the parent of the real redis pid, to reap it and to kill it.
        out.append("daemonize no\n");
        out.append("supervised no\n");
        out.append("dir ").append(quote(directory.toAbsolutePath().toString())).append('\n');
        // stdout, which the process builder appends to redis.log; startup errors land there too.
        out.append("logfile \"\"\n");
        // notice is Redis' default; pinned because readiness waits for a notice-level line (see Launcher).
        out.append("loglevel notice\n");
        out.append("always-show-logo no\n");
        // No RDB snapshots: nobody should pay for background saves of temporary data; persistence opts into AOF.
        out.append("save \"\"\n");
        out.append("appendonly ").append(appendOnly ? "yes" : "no").append('\n');
        out.append("appendfsync ").append(appendFsync.configValue()).append('\n');
        if (password != null) {
            out.append("requirepass ").append(quote(password)).append('\n');
        }
        if (clusterBusPort != 0) {
            out.append("cluster-enabled yes\n");
            // An explicit bus port instead of Redis' port + 10000: a free port above 55535 would otherwise
            // be unusable, and port + 10000 may be taken by someone else.
            out.append("cluster-port ").append(clusterBusPort).append('\n');
            out.append("cluster-config-file ").append(CLUSTER_CONFIG_FILE).append('\n');
            // Announce the loopback address explicitly so CLUSTER SLOTS never reports an empty host
            // before a node has learned its own address from gossip.
            out.append("cluster-announce-ip 127.0.0.1\n");
        }
        if (tlsPort != 0) {
            // TLS beside the plain port (which readiness probes); clients are not asked for certificates.
            out.append("tls-port ").append(tlsPort).append('\n');
            out.append("tls-cert-file ").append(quote(tlsCertificate.toAbsolutePath().toString())).append('\n');
            out.append("tls-key-file ").append(quote(tlsKey.toAbsolutePath().toString())).append('\n');
            out.append("tls-ca-cert-file ").append(quote(tlsCertificate.toAbsolutePath().toString())).append('\n');
            out.append("tls-auth-clients no\n");
        }
        for (String line : extraLines) {
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** Quotes a value the way redis.conf parses double-quoted strings. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    @Override
    public String toString() {
        // Never the password: this ends up in assertion messages and logs.
        return "RedisConfig[port=" + port + ", dir=" + directory + ", appendOnly=" + appendOnly
                + ", appendFsync=" + appendFsync + ", password=" + (password == null ? "none" : "***")
                + ", clusterBusPort=" + clusterBusPort + ", extraLines=" + extraLines.size() + "]";
    }
}
