package io.redstream.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redstream.core.InvalidArgumentException;
import io.redstream.core.RedStream;
import io.redstream.core.consumer.ConsumerSettings;
import io.redstream.core.consumer.StreamConsumer;
import io.redstream.core.pubsub.Subscription;
import io.redstream.core.stream.BatcherSettings;
import io.redstream.core.stream.PublishBatcher;
import io.redstream.testkit.RedisServerExtension;
import io.redstream.testkit.RedisServerProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Closing the client stops what was started through it, views included, instead of leaving threads behind. */
@ExtendWith(RedisServerExtension.class)
class ClientCloseIT {

    @Test
    void close_stopsConsumersSubscriptionsAndBatchers(RedisServerProcess redis) {
        redis.flushAll();
        RedStream rs = RedStream.builder().redisUri(redis.uri()).build();
        RedStream view = rs.withGuard(io.redstream.core.access.AccessGuard.ALLOW_ALL);
        StreamConsumer consumer = view.consumer(ConsumerSettings.builder("nova:task:close:tasks", "g", "c")
                .block(Duration.ofMillis(100)).build(), e -> { });
        Subscription sub = rs.pubsub().subscribe(List.of("nova:broadcast:close:all"), List.of(), m -> { });
        assertThat(sub.awaitSubscribed(Duration.ofSeconds(5))).isTrue();
        PublishBatcher batcher = rs.streams().batcher(BatcherSettings.DEFAULTS);
        CompletableFuture<String> queued = batcher.publish("nova:task:close:tasks", Map.of("a", "1"));

        rs.close();

        assertThat(consumer.isRunning()).isFalse();
        assertThat(sub.isSubscribed()).isFalse();
        assertThat(queued).isCompleted();
        assertThat(queued.join()).isNotBlank(); // flushed before the connections closed
        assertThatThrownBy(() -> batcher.publish("nova:task:close:tasks", Map.of("a", "2")))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("closed");
        rs.close(); // idempotent
    }
}
