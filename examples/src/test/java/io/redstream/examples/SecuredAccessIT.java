package io.redstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.redstream.core.RedStream;
import org.junit.jupiter.api.Test;

/** The security example lets the service publish and stops the read-only agent. */
class SecuredAccessIT {

    @Test
    void run_serviceWritesAgentIsDeniedAndNothingExtraIsWritten() {
        try (ExampleRedis redis = ExampleRedis.start();
                RedStream rs = RedStream.builder().redisUri(redis.uri()).identity("example-test").build()) {
            assertThat(SecuredAccess.run(rs)).contains("stream.publish").contains(SecuredAccess.TASKS)
                    .doesNotContain("rsk_");
            assertThat(rs.streams().length(SecuredAccess.TASKS)).isEqualTo(1);
        }
    }
}
