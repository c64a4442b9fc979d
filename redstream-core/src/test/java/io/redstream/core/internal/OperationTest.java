package io.redstream.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.redstream.core.NotFoundException;
import io.redstream.core.RedStreamConnectionException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

class OperationTest {
    @Test
    void ids_areUniqueMetricTags() {
        assertThat(Arrays.stream(Operation.values()).map(Operation::id)).doesNotHaveDuplicates();
    }

    @Test
    void translate_wordsTheErrorFromTheOperationAndSubject() {
        assertThat(ErrorTranslator.translate(Operation.GROUP_READ, "nova:task:a:b",
                new JedisDataException("NOGROUP No such key")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageStartingWith("group read of nova:task:a:b failed");
        assertThat(ErrorTranslator.translate(Operation.BATCHER_SEND, null, new JedisConnectionException("reset")))
                .isInstanceOf(RedStreamConnectionException.class)
                .hasMessageStartingWith("publish batch failed");
    }

    @Test
    void record_tagsTheTimerWithTheOperationIdAndOutcome() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        OperationMetrics metrics = new OperationMetrics(registry);
        metrics.record(Operation.GROUP_ACK, 1_000, true);
        metrics.record(Operation.GROUP_ACK, 2_000, true);
        metrics.record(Operation.GROUP_ACK, 3_000, false);

        assertThat(registry.get("redstream.operation").tag("operation", "group.ack").tag("outcome", "success")
                .timer().count()).isEqualTo(2);
        assertThat(registry.get("redstream.operation").tag("operation", "group.ack").tag("outcome", "error")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void record_withoutRegistry_doesNothing() {
        OperationMetrics metrics = new OperationMetrics(null);
        metrics.record(Operation.STREAM_PUBLISH, 1_000, true);
        assertThat(metrics.enabled()).isFalse();
    }
}
