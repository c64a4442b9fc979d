package io.redstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.redstream.core.RedStream;
import org.junit.jupiter.api.Test;

/** The quick start runs end to end on an embedded Redis and leaves nothing pending. */
class QuickStartIT {

    @Test
    void run_publishesReadsAndAcknowledges() {
        try (ExampleRedis redis = ExampleRedis.start();
                RedStream rs = RedStream.builder().redisUri(redis.uri()).identity("quickstart-test").build()) {
            assertThat(QuickStart.run(rs)).hasSize(1);
            assertThat(rs.groups().pending(QuickStart.STREAM, "workers").count()).isZero();
            assertThat(rs.streams().length(QuickStart.STREAM)).isEqualTo(1);
        }
    }
}
