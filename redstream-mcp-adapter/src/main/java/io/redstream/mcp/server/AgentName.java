package io.redstream.mcp.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/** The agent name of this server process: {@code mcp-<host>-<pid>}, in the characters agent names allow. */
final class AgentName {

    static final int MAX_HOST = 64;

    private AgentName() {
    }

    static String ofThisProcess() {
        return of(hostName(), ProcessHandle.current().pid());
    }

    /** {@code mcp-<host>-<pid>}, the host reduced to {@code [a-z0-9-]} and at most {@value #MAX_HOST} characters. */
    static String of(String host, long pid) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("^-+|-+$", "");
        if (h.length() > MAX_HOST) {
            h = h.substring(0, MAX_HOST);
        }
        return "mcp-" + (h.isEmpty() ? "localhost" : h) + "-" + pid;
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
