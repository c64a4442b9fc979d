package io.redstream.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.redstream.testkit.RedisServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisMonitor;

/**
 * What the Redis server executed while a piece of code ran, seen from outside the client under test.
 *
 * <p>One raw connection runs {@code MONITOR} on its own thread; a second raw connection sends an
 * {@code ECHO <marker>-before}, the code runs, then {@code ECHO <marker>-after}. Redis executes commands one at a
 * time and feeds MONITOR in execution order, so every command the code caused the server to execute (before it
 * returned) lies between the two markers. As a second witness that MONITOR cannot hide anything (it skips
 * administrative commands), {@code INFO stats total_commands_processed} is read around the window and compared
 * with the count of an empty window, calibrated at start.
 *
 * <p>Bounded: each wait for a marker gives up after {@link #WAIT}. Not thread-safe: one test thread at a time.
 */
final class RedisMonitor implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(5);

    private final Jedis monitorConnection;
    private final Jedis control;
    private final Thread thread;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final String tag = "enforce-marker-" + UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger windows = new AtomicInteger();
    private final long emptyWindowCommands;

    RedisMonitor(RedisServerProcess redis) {
        this.control = redis.connect();
        this.monitorConnection = redis.connect();
        this.thread = new Thread(this::run, "enforce-redis-monitor");
        this.thread.setDaemon(true);
        this.thread.start();
        awaitActive();
        Window empty = observe(() -> null);
        assertThat(empty.commands()).as("commands in an empty window").isEmpty();
        this.emptyWindowCommands = empty.commandsProcessed();
    }

    private void run() {
        try {
            // JedisMonitor switches the connection to an infinite read timeout: idle stretches are not an error.
            monitorConnection.monitor(new JedisMonitor() {
                @Override
                public void onCommand(String command) {
                    lines.add(command);
                }
            });
        } catch (RuntimeException closed) {
            // close() disconnects the socket: that is how this thread ends
        }
    }

    /** MONITOR is on once a marker sent after it shows up. */
    private void awaitActive() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (int i = 0; System.nanoTime() < deadline; i++) {
            String marker = tag + "-ready-" + i;
            control.echo(marker);
            try {
                String line;
                while ((line = lines.poll(50, TimeUnit.MILLISECONDS)) != null) {
                    if (line.contains("\"" + marker + "\"")) {
                        lines.clear();
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("MONITOR did not start within " + WAIT);
    }

    /** Code under observation; may throw. */
    @FunctionalInterface
    interface Action {
        Object run() throws Exception;
    }

    /**
     * The outcome of {@code action} and the commands the server executed while it ran.
     *
     * @param result what the action returned (null when it threw)
     * @param thrown what it threw, or null
     * @param commands MONITOR lines between the markers, without the timestamp and client prefix, e.g.
     *     {@code "XADD" "nova:task:a:b" ...}
     * @param commandsProcessed growth of {@code total_commands_processed} around the window
     */
    record Window(Object result, Throwable thrown, List<String> commands, long commandsProcessed) {
    }

    Window observe(Action action) {
        int n = windows.incrementAndGet();
        String before = tag + "-" + n + "-before";
        String after = tag + "-" + n + "-after";
        long processedBefore = commandsProcessed();
        control.echo(before);
        Object result = null;
        Throwable thrown = null;
        try {
            result = action.run();
        } catch (Throwable t) {
            thrown = t;
        }
        control.echo(after);
        long processed = commandsProcessed() - processedBefore;
        return new Window(result, thrown, between(before, after), processed);
    }

    /**
     * Asserts the server executed nothing but the markers while {@code action} ran, and returns what it threw (or
     * null).
     */
    Throwable assertSendsNothing(Action action) {
        Window w = observe(action);
        assertNothingSent(w);
        return w.thrown();
    }

    void assertNothingSent(Window w) {
        assertThat(w.commands()).as("commands Redis executed during the call").isEmpty();
        assertThat(w.commandsProcessed()).as("total_commands_processed growth (an empty window grows by %d)",
                emptyWindowCommands).isEqualTo(emptyWindowCommands);
    }

    /** Asserts the server did execute commands of the client during {@code w}: the probe is not blind. */
    void assertSomethingSent(Window w) {
        assertThat(w.commands()).as("commands Redis executed during the call").isNotEmpty();
        assertThat(w.commandsProcessed()).isGreaterThan(emptyWindowCommands);
    }

    private List<String> between(String before, String after) {
        List<String> seen = new ArrayList<>();
        List<String> inside = new ArrayList<>();
        boolean open = false;
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new AssertionError("marker " + after + " not seen by MONITOR within " + WAIT + "; saw "
                            + seen);
                }
                seen.add(line);
                String command = command(line);
                if (command.equals("\"ECHO\" \"" + before + "\"")) {
                    open = true;
                } else if (command.equals("\"ECHO\" \"" + after + "\"")) {
                    if (!open) {
                        throw new AssertionError("marker " + after + " seen before " + before + ": " + seen);
                    }
                    return inside;
                } else if (open) {
                    inside.add(command);
                }
                // lines before the opening marker belong to earlier work (seeding) and are not part of the window
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + after, e);
        }
    }

    /** {@code 1700000000.123456 [0 127.0.0.1:5555] "ECHO" "x"} → {@code "ECHO" "x"}. */
    private static String command(String line) {
        int bracket = line.indexOf("] ");
        return bracket < 0 ? line : line.substring(bracket + 2);
    }

    private long commandsProcessed() {
        for (String l : control.info("stats").split("\r?\n")) {
            if (l.startsWith("total_commands_processed:")) {
                return Long.parseLong(l.substring(l.indexOf(':') + 1).trim());
            }
        }
        throw new AssertionError("INFO stats has no total_commands_processed");
    }

    @Override
    public void close() {
        try {
            monitorConnection.getConnection().disconnect();
        } catch (RuntimeException ignored) {
            // already gone
        }
        try {
            thread.join(WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        monitorConnection.close();
        control.close();
    }
}
