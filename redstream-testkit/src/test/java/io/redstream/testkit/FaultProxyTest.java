package io.redstream.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FaultProxy against an in-process echo server: the proxy's own behaviour, no Redis involved. */
class FaultProxyTest {

    private EchoServer echo;
    private FaultProxy proxy;

    @BeforeEach
    void start() throws IOException {
        echo = new EchoServer();
        proxy = FaultProxy.start("127.0.0.1", echo.port());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void start_bindsLoopbackOnAFreePort() {
        assertThat(proxy.host()).isEqualTo("127.0.0.1");
        assertThat(proxy.port()).isPositive().isNotEqualTo(echo.port());
        assertThat(proxy.uri()).isEqualTo("redis://127.0.0.1:" + proxy.port());
    }

    @Test
    void forwarding_echoesBytesBothWaysAndCountsConnections() throws IOException {
        try (Socket a = connect(); Socket b = connect()) {
            assertThat(roundTrip(a, "hello")).isEqualTo("hello");
            assertThat(roundTrip(b, "world")).isEqualTo("world");
            assertThat(proxy.connectionCount()).isEqualTo(2);
        }
        awaitTrue(() -> proxy.connectionCount() == 0, "connections closed by the client are forgotten");
    }

    @Test
    void cutAll_resetsOpenConnectionsButAcceptsNewOnes() throws IOException {
        Socket victim = connect();
        assertThat(roundTrip(victim, "before")).isEqualTo("before");

        proxy.cutAll();

        assertThat(proxy.connectionCount()).isZero();
        assertThatThrownBy(() -> {
            victim.getOutputStream().write("after".getBytes(UTF_8));
            if (victim.getInputStream().read() < 0) {
                throw new IOException("EOF");
            }
        }).isInstanceOf(IOException.class);
        victim.close();
        try (Socket fresh = connect()) {
            assertThat(roundTrip(fresh, "again")).isEqualTo("again");
        }
    }

    @Test
    void stall_holdsBytesUntilResumed() throws IOException {
        try (Socket socket = connect()) {
            assertThat(roundTrip(socket, "warm")).isEqualTo("warm");

            proxy.stall(true);
            socket.getOutputStream().write("held".getBytes(UTF_8));
            socket.setSoTimeout(300);
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            assertThat(proxy.isStalled()).isTrue();
            assertThat(proxy.connectionCount()).as("stalled sockets stay open").isEqualTo(1);

            proxy.stall(false);
            socket.setSoTimeout(2_000);
            assertThat(readExactly(socket.getInputStream(), 4)).isEqualTo("held");
        }
    }

    @Test
    void stall_thenCutAll_doesNotLeaveConnectionsBehind() throws IOException {
        try (Socket socket = connect()) {
            proxy.stall(true);
            socket.getOutputStream().write("x".getBytes(UTF_8));

            proxy.cutAll();

            assertThat(proxy.connectionCount()).isZero();
        }
    }

    @Test
    void refuse_resetsNewConnectionsButKeepsExistingOnes() throws IOException {
        try (Socket existing = connect()) {
            assertThat(roundTrip(existing, "one")).isEqualTo("one");

            proxy.refuse(true);
            try (Socket rejected = connect()) {
                rejected.setSoTimeout(2_000);
                assertThatThrownBy(() -> {
                    rejected.getOutputStream().write("x".getBytes(UTF_8));
                    if (rejected.getInputStream().read() < 0) {
                        throw new IOException("EOF");
                    }
                }).isInstanceOf(IOException.class);
            }
            assertThat(roundTrip(existing, "two")).isEqualTo("two");
            assertThat(proxy.connectionCount()).isEqualTo(1);

            proxy.refuse(false);
            try (Socket accepted = connect()) {
                assertThat(roundTrip(accepted, "three")).isEqualTo("three");
            }
        }
    }

    @Test
    void targetDown_clientConnectionIsReset() throws IOException {
        echo.close();
        try (Socket socket = connect()) {
            socket.setSoTimeout(3_000);
            assertThatThrownBy(() -> {
                if (socket.getInputStream().read() < 0) {
                    throw new IOException("EOF");
                }
            }).isInstanceOf(IOException.class);
        }
        awaitTrue(() -> proxy.connectionCount() == 0, "no connection is registered for a dead target");
    }

    @Test
    void close_isIdempotentAndStopsAccepting() throws IOException {
        Socket open = connect();
        assertThat(roundTrip(open, "hi")).isEqualTo("hi");

        proxy.close();
        proxy.close();

        assertThat(proxy.connectionCount()).isZero();
        assertThatThrownBy(this::connect).isInstanceOf(IOException.class);
        open.close();
    }

    @Test
    void threads_areDaemonsNamedAfterTheProxy() throws IOException {
        try (Socket socket = connect()) {
            roundTrip(socket, "x");

            assertThat(Thread.getAllStackTraces().keySet())
                    .filteredOn(t -> t.getName().startsWith("redstream-faultproxy-"))
                    .hasSizeGreaterThanOrEqualTo(3)
                    .allMatch(Thread::isDaemon);
        }
    }

    @Test
    void start_invalidTarget_isRejectedWithRuleAndValue() {
        assertThatThrownBy(() -> FaultProxy.start("127.0.0.1", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("targetPort must be between 1 and 65535, but was 0");
        assertThatThrownBy(() -> FaultProxy.start(null, 1))
                .isInstanceOf(NullPointerException.class).hasMessage("targetHost");
        assertThatThrownBy(() -> FaultProxy.start(" ", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targetHost must not be blank");
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(proxy.host(), proxy.port());
        socket.setSoTimeout(2_000);
        return socket;
    }

    private static String roundTrip(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(UTF_8));
        return readExactly(socket.getInputStream(), text.length());
    }

    private static String readExactly(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        return new String(bytes, UTF_8);
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
