package io.redstream.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadinessProbeTest {

    @Test
    void serverPid_infoWithProcessId_returnsIt() {
        assertThat(ReadinessProbe.serverPid("# Server\r\nredis_version:7.0.15\r\nprocess_id:4242\r\ntcp_port:1\r\n"))
                .isEqualTo(4242);
    }

    @Test
    void serverPid_infoWithoutProcessId_returnsMinusOne() {
        assertThat(ReadinessProbe.serverPid("# Server\r\nredis_version:7.0.15\r\n")).isEqualTo(-1);
    }

    @Test
    void isReady_nothingListening_isFalse_withoutHanging() {
        int port = FreePorts.find();

        long start = System.nanoTime();
        assertThat(ReadinessProbe.isReady("127.0.0.1", port, null, 1)).isFalse();
        // A hang detector, not a timing goal: a refused connection must not wait for a socket timeout loop.
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000L);
    }
}
