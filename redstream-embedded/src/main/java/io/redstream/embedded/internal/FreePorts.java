package io.redstream.embedded.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Asks the operating system for a free loopback port.
 *
 * <p>The port is released before the caller binds it, so another process can take it in between;
 * callers that hand the port to a child process must detect the bind failure and ask again
 * (see {@link Launcher}). Thread-safe.
 */
public final class FreePorts {

    /** The only address embedded servers bind to. */
    public static final String LOOPBACK = "127.0.0.1";

    private FreePorts() {}

    /** A port nobody listens on right now. */
    public static int find() {
        try (ServerSocket socket = new ServerSocket()) {
            // No SO_REUSEADDR: we want a port nobody is using, not one we could steal from TIME_WAIT.
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free port on " + LOOPBACK, e);
        }
    }

    /** Checks a port number where it arrives, in the house style. */
    public static int checkPort(String parameter, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(parameter + " must be between 1 and 65535, but was " + port);
        }
        return port;
    }
}
