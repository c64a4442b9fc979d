package io.redstream.testkit;

import static java.util.Objects.requireNonNull;

import io.redstream.embedded.EmbeddedRedis;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process TCP proxy on 127.0.0.1 that forwards to one target and injects network faults:
 * connections cut, a hung peer, refused connections.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.start(redis.host(), redis.port())) {
 *   client = clientFor(proxy.host(), proxy.port());
 *   proxy.stall(true);   // requests now hang until the client's socket timeout
 *   proxy.stall(false);  // held bytes flow again
 *   proxy.cutAll();      // every open connection is reset
 * }
 * }</pre>
 *
 * <p>Faults:
 * <ul>
 *   <li>{@link #cutAll()} resets (RST, not FIN) every current connection on both sides, like a crashed
 *       peer or a dropped NAT entry. New connections are accepted normally.</li>
 *   <li>{@link #stall(boolean) stall(true)} stops forwarding bytes in both directions while keeping all
 *       sockets open, like a hung server; bytes read meanwhile are held and delivered, in order, after
 *       {@code stall(false)}. Applies to existing and new connections.</li>
 *   <li>{@link #refuse(boolean) refuse(true)} accepts new connections and resets them at once. The
 *       listening socket stays open on purpose: closing it would risk another process taking the port,
 *       so the client sees "connection reset" rather than "connection refused". Existing connections
 *       are unaffected.</li>
 * </ul>
 *
 * <p>Plain blocking sockets: one daemon acceptor thread and two daemon pump threads per connection, all
 * named {@code redstream-faultproxy-N}. A connection is closed on both sides as soon as either side
 * closes or fails (no half-close).
 *
 * <p><b>Lifecycle and thread-safety.</b> Thread-safe; fault switches may be flipped from any thread
 * while traffic flows. {@link #close()} stops accepting, resets all connections and is idempotent.
 */
public final class FaultProxy implements AutoCloseable {

    /** Timeout for connecting to the target; a dead target must not block the acceptor for long. */
    public static final int TARGET_CONNECT_TIMEOUT_MILLIS = 2_000;

    private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();
    private static final int BUFFER_SIZE = 16 * 1024;

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket listener;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Object stallLock = new Object();
    private volatile boolean stalled; // written under stallLock
    private volatile boolean refusing;
    private volatile boolean closed;
    private volatile Thread acceptor;

    private FaultProxy(String targetHost, int targetPort, ServerSocket listener) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = listener;
    }

    /**
     * Starts a proxy on a free 127.0.0.1 port forwarding to {@code targetHost:targetPort}. The target is
     * connected per client connection, so it need not be up yet.
     */
    public static FaultProxy start(String targetHost, int targetPort) {
        requireNonNull(targetHost, "targetHost");
        if (targetHost.isBlank()) {
            throw new IllegalArgumentException("targetHost must not be blank, but was \"" + targetHost + "\"");
        }
        if (targetPort < 1 || targetPort > 65535) {
            throw new IllegalArgumentException("targetPort must be between 1 and 65535, but was " + targetPort);
        }
        ServerSocket listener;
        try {
            listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getByName(EmbeddedRedis.HOST), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("could not bind a proxy port on " + EmbeddedRedis.HOST, e);
        }
        FaultProxy proxy = new FaultProxy(targetHost, targetPort, listener);
        proxy.acceptor = newThread(proxy::acceptLoop);
        proxy.acceptor.start();
        return proxy;
    }

    /** Starts a proxy in front of {@code server}. */
    public static FaultProxy forServer(RedisServerProcess server) {
        requireNonNull(server, "server");
        return start(server.host(), server.port());
    }

    /** Always 127.0.0.1. */
    public String host() {
        return EmbeddedRedis.HOST;
    }

    /** The port clients connect to. */
    public int port() {
        return listener.getLocalPort();
    }

    /** {@code 127.0.0.1:port}. */
    public String address() {
        return host() + ":" + port();
    }

    /** {@code redis://127.0.0.1:port}, for pointing a Redis client at the proxy. */
    public String uri() {
        return "redis://" + address();
    }

    /** Resets every connection open right now. New connections are accepted as usual. */
    public void cutAll() {
        for (Connection c : List.copyOf(connections)) {
            c.close(true);
        }
    }

    /** Stops ({@code true}) or resumes ({@code false}) forwarding in both directions. */
    public void stall(boolean stall) {
        synchronized (stallLock) {
            stalled = stall;
            stallLock.notifyAll();
        }
    }

    public boolean isStalled() {
        return stalled;
    }

    /** Resets ({@code true}) or accepts ({@code false}) new connections; open ones are not affected. */
    public void refuse(boolean refuse) {
        refusing = refuse;
    }

    public boolean isRefusing() {
        return refusing;
    }

    /** Connections currently open through the proxy. */
    public int connectionCount() {
        return connections.size();
    }

    /**
     * Stops accepting and resets every connection; when it returns the port refuses connections.
     * Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(listener);
        // The kernel keeps the socket listening until the blocked accept() returns, so wait for the
        // acceptor: otherwise a client connecting right after close() could still be accepted.
        Thread acceptorThread = acceptor;
        if (acceptorThread != null && acceptorThread != Thread.currentThread()) {
            try {
                acceptorThread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        cutAll();
        synchronized (stallLock) {
            stallLock.notifyAll();
        }
    }

    @Override
    public String toString() {
        return "FaultProxy[" + address() + " -> " + targetHost + ":" + targetPort + ", connections="
                + connectionCount() + (stalled ? ", stalled" : "") + (refusing ? ", refusing" : "")
                + (closed ? ", closed" : "") + "]";
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            if (refusing || closed) {
                reset(client);
                continue;
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(new InetSocketAddress(targetHost, targetPort), TARGET_CONNECT_TIMEOUT_MILLIS);
            } catch (IOException e) {
                // The target is down: the client should see what it would see without the proxy, a failure.
                closeQuietly(upstream);
                reset(client);
                continue;
            }
            Connection connection = new Connection(client, upstream);
            connections.add(connection);
            if (closed) {
                connection.close(true);
                return;
            }
            connection.start();
        }
    }

    /** One proxied client connection and its upstream socket. */
    private final class Connection {
        private final Socket client;
        private final Socket upstream;
        private final AtomicBoolean connectionClosed = new AtomicBoolean();

        Connection(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void start() {
            try {
                InputStream fromClient = client.getInputStream();
                OutputStream toClient = client.getOutputStream();
                InputStream fromUpstream = upstream.getInputStream();
                OutputStream toUpstream = upstream.getOutputStream();
                newThread(() -> pump(fromClient, toUpstream)).start();
                newThread(() -> pump(fromUpstream, toClient)).start();
            } catch (IOException e) {
                close(true);
            }
        }

        private void pump(InputStream in, OutputStream out) {
            byte[] buffer = new byte[BUFFER_SIZE];
            try {
                while (awaitFlowing()) {
                    int n = in.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    // Bytes that arrived just as the stall began are held here, not forwarded.
                    if (!awaitFlowing()) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the peer went away or cutAll() closed the socket under us; either way this connection is over
            }
            close(false);
        }

        /** Blocks while stalled; false once this connection or the proxy is closed. */
        private boolean awaitFlowing() {
            synchronized (stallLock) {
                while (stalled && !connectionClosed.get() && !closed) {
                    try {
                        stallLock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
            }
            return !connectionClosed.get() && !closed;
        }

        /** Closes both sockets; {@code abort} sends RST instead of FIN. Idempotent. */
        void close(boolean abort) {
            if (!connectionClosed.compareAndSet(false, true)) {
                return;
            }
            connections.remove(this);
            if (abort) {
                reset(client);
                reset(upstream);
            } else {
                closeQuietly(client);
                closeQuietly(upstream);
            }
            synchronized (stallLock) {
                stallLock.notifyAll(); // wake this connection's pumps if they are parked in a stall
            }
        }
    }

    private static Thread newThread(Runnable body) {
        Thread thread = new Thread(body, "redstream-faultproxy-" + THREAD_NUMBERS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }

    /** Closes with SO_LINGER 0, so the peer gets a RST: an abrupt failure, not an orderly goodbye. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // already closed
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // nothing useful to do: the socket is unusable either way
        }
    }
}
