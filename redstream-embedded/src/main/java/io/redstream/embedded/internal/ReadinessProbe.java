package io.redstream.embedded.internal;

import java.io.IOException;

/**
 * Asks a server that a {@link Launcher} just started whether it is ready and whether it is the process
 * we started: {@code AUTH} (if it has a password), {@code PING}, then {@code INFO server}, whose
 * {@code process_id} must be our pid. The pid check matters: if another process won the race for the
 * port, a bare PING could succeed against the wrong server while ours has already died.
 *
 * <p>The launcher probes only after our redis-server wrote that it accepts connections, i.e. after it
 * bound the port itself: the password is never sent to whatever else might be listening there.
 */
public final class ReadinessProbe {

    /**
     * Probes are retried every few milliseconds; a short timeout keeps a port held by a silent process
     * from stalling startup. A loopback redis answers in well under a millisecond.
     */
    public static final int PROBE_TIMEOUT_MILLIS = 500;

    private ReadinessProbe() {}

    /** True when the server on {@code port} authenticates us, answers PING and is the process {@code expectedPid}. */
    public static boolean isReady(String host, int port, String password, long expectedPid) {
        try (RespConnection connection = RespConnection.open(host, port, PROBE_TIMEOUT_MILLIS)) {
            if (password != null && !"OK".equals(connection.call("AUTH", password))) {
                return false;
            }
            // -LOADING while it replays the AOF: not ready yet.
            if (!"PONG".equals(connection.call("PING"))) {
                return false;
            }
            return connection.call("INFO", "server") instanceof String info && serverPid(info) == expectedPid;
        } catch (IOException e) {
            // Not listening yet, or not speaking RESP: keep polling.
            return false;
        }
    }

    /** The {@code process_id} field of an INFO reply, or -1. */
    static long serverPid(String info) {
        for (String line : info.split("\\R")) {
            if (line.startsWith("process_id:")) {
                try {
                    return Long.parseLong(line.substring("process_id:".length()).trim());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }
}
