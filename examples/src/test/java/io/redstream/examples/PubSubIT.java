package io.redstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.redstream.core.RedStream;
import io.redstream.core.pubsub.PubSubMessage;
import org.junit.jupiter.api.Test;

/** The pub/sub example receives both broadcasts: one by channel, one by pattern. */
class PubSubIT {

    @Test
    void run_receivesByChannelAndByPattern() throws InterruptedException {
        try (ExampleRedis redis = ExampleRedis.start();
                RedStream rs = RedStream.builder().redisUri(redis.uri()).identity("pubsub-test").build()) {
            assertThat(PubSub.run(rs)).extracting(PubSubMessage::channel)
                    .containsExactlyInAnyOrder(PubSub.ALERTS, PubSub.AGENT_EVENTS);
        }
    }
}
