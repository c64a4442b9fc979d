package io.redstream.core;

import java.io.IOException;
import java.net.InetAddress;

/**
 * This running process as other participants see it: the host it runs on and its process id. Adapters name a
 * process after it wherever two instances of one program must not share a name (consumer names, agent names), so
 * there is one definition of "this instance".
 *
 * <p>Stateless and thread-safe.
 */
public final class ProcessInstance {

    private ProcessInstance() {
    }

    /**
     * The host name: the {@code HOSTNAME} environment variable when set (containers set it, and it costs no lookup),
     * else the name the resolver gives the local host, else {@code localhost}. Never empty. May take a resolver
     * lookup, so callers on a start-up path resolve it on a background thread.
     *
     * @return the host name, as given (callers restrict its characters to what their names allow)
     */
    public static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            String resolved = InetAddress.getLocalHost().getHostName();
            return resolved == null || resolved.isBlank() ? "localhost" : resolved;
        } catch (IOException e) {
            return "localhost";
        }
    }

    /**
     * {@code <host name>-<process id>}: unique per running instance on a network whose host names are.
     *
     * @return the instance id, in the characters of {@link #hostName()} plus {@code -} and digits
     */
    public static String id() {
        return hostName() + "-" + ProcessHandle.current().pid();
    }
}
