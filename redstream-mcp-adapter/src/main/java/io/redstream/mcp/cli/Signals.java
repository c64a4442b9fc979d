package io.redstream.mcp.cli;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT (Ctrl-C) stop the server gracefully — stop reading, let calls in flight finish, close Redis,
 * exit 0 — instead of the JVM's immediate exit. A second signal while stopping exits at once. The signal is
 * reported by name, so a person can tell it from the end of input.
 */
final class Signals {

    private static final AtomicInteger RECEIVED = new AtomicInteger();

    private Signals() {
    }

    /** Runs {@code stop} (with the signal's name) on the first SIGTERM or SIGINT. */
    static void onStop(Consumer<String> stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (RECEIVED.getAndIncrement() > 0) {
                        Runtime.getRuntime().halt(128 + signal.getNumber());
                    }
                    Thread t = new Thread(() -> stop.accept("SIG" + signal.getName()), "redstream-mcp-stop");
                    t.setDaemon(true);
                    t.start();
                });
            } catch (IllegalArgumentException unsupported) {
                // Not on this platform (or the JVM was started with -Xrs): the JVM's default handling remains.
            }
        }
    }

    static boolean received() {
        return RECEIVED.get() > 0;
    }
}
