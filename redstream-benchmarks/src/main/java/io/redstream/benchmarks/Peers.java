package io.redstream.benchmarks;

import io.redstream.testkit.RedisServerProcess;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.Redisson;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamReadGroupArgs;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.stream.StreamMessageListenerContainer;
import org.springframework.data.redis.stream.StreamMessageListenerContainer.StreamMessageListenerContainerOptions;
import org.springframework.data.redis.stream.Subscription;

/**
 * The two peer libraries, each used the way its documentation shows: Spring Data Redis (on Lettuce) with a
 * {@code StreamMessageListenerContainer} whose listener acknowledges each record, and Redisson's {@code RStream}
 * read in groups with an ack per batch. Both connect to the same Redis as raw Jedis and RedStream.
 */
final class Peers implements AutoCloseable {
    private final LettuceConnectionFactory lettuce;
    private final StringRedisTemplate template;
    private final RedissonClient redisson;
    private final RStream<String, String> rstream;

    Peers(RedisServerProcess redis) {
        lettuce = new LettuceConnectionFactory(new RedisStandaloneConfiguration(redis.host(), redis.port()));
        lettuce.afterPropertiesSet();
        lettuce.start();
        template = new StringRedisTemplate(lettuce);
        template.afterPropertiesSet();
        Config config = new Config();
        config.useSingleServer().setAddress("redis://" + redis.host() + ":" + redis.port());
        redisson = Redisson.create(config);
        rstream = redisson.getStream(Workload.STREAM, StringCodec.INSTANCE);
    }

    /** Spring Data Redis: one {@code XADD} through the template. */
    void springPublish(Map<String, String> fields) {
        template.opsForStream().add(MapRecord.create(Workload.STREAM, fields));
    }

    /** Redisson: one {@code XADD} through {@code RStream.add}. */
    void redissonPublish(Map<String, String> fields) {
        rstream.add(StreamAddArgs.entries(fields));
    }

    /**
     * Spring Data Redis's container (batch size {@code count}, poll timeout 100 ms) with a listener that
     * acknowledges each record as its documentation shows; timed from start until {@code messages} were acked.
     */
    double springConsume(int messages, int count) {
        StreamMessageListenerContainerOptions<String, MapRecord<String, String, String>> options =
                StreamMessageListenerContainerOptions.builder().batchSize(count).pollTimeout(Duration.ofMillis(100))
                        .build();
        AtomicLong acked = new AtomicLong();
        long t0 = System.nanoTime();
        StreamMessageListenerContainer<String, MapRecord<String, String, String>> container =
                StreamMessageListenerContainer.create(lettuce, options);
        Subscription sub = container.receive(Consumer.from(Workload.GROUP, "c1"),
                StreamOffset.create(Workload.STREAM, ReadOffset.lastConsumed()), record -> {
                    template.opsForStream().acknowledge(Workload.GROUP, record);
                    acked.incrementAndGet();
                });
        container.start();
        try {
            while (acked.get() < messages) {
                Workload.sleep(1);
            }
            return Workload.perSecond(messages, System.nanoTime() - t0);
        } finally {
            sub.cancel();
            container.stop();
        }
    }

    /** Redisson: {@code readGroup} of {@code count} undelivered entries, then one {@code ack} of the batch. */
    double redissonConsume(int messages, int count) {
        StreamReadGroupArgs args = StreamReadGroupArgs.neverDelivered().count(count).timeout(Duration.ofMillis(100));
        long handled = 0;
        long t0 = System.nanoTime();
        while (handled < messages) {
            Map<StreamMessageId, Map<String, String>> got = rstream.readGroup(Workload.GROUP, "c1", args);
            if (got == null || got.isEmpty()) {
                continue;
            }
            rstream.ack(Workload.GROUP, got.keySet().toArray(StreamMessageId[]::new));
            handled += got.size();
        }
        return Workload.perSecond(messages, System.nanoTime() - t0);
    }

    @Override
    public void close() {
        redisson.shutdown();
        lettuce.destroy();
    }
}
