package io.redstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.redstream.core.RedStream;
import org.junit.jupiter.api.Test;

/** The worker example dead-letters the bad invoice with its reason. */
class WorkerWithDeadLettersIT {

    @Test
    void run_deadLettersTheNegativeInvoiceWithReason() throws Exception {
        try (ExampleRedis redis = ExampleRedis.start();
                RedStream rs = RedStream.builder().redisUri(redis.uri()).identity("example-test").build()) {
            assertThat(WorkerWithDeadLetters.run(rs)).contains("IllegalArgumentException")
                    .contains("negative amount -5.00");
            assertThat(rs.streams().length(WorkerWithDeadLetters.DEAD_LETTERS)).isEqualTo(1);
        }
    }
}
