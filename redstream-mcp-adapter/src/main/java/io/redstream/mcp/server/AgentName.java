package io.redstream.mcp.server;

import java.util.Locale;

import io.redstream.core.ProcessInstance;

/** The agent name of this server process: {@code mcp-<host>-<pid>}, in the characters agent names allow. */
final class AgentName {

    static final int MAX_HOST = 64;

    private AgentName() {
    }

    static String ofThisProcess() {
        return of(ProcessInstance.hostName(), ProcessHandle.current().pid());
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
}
