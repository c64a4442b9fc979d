package io.redstream.core.fault;

import io.redstream.core.RedStream;
import io.redstream.core.consumer.ConsumerSettings;
import io.redstream.core.consumer.StreamConsumer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A consumer in its own JVM, for the kill -9 test: every entry it handles is recorded in a "processed" stream
 * (the side effect the test counts), then acknowledged by the runtime. Runs until killed.
 *
 * <p>Arguments: redis URI, consumer name.
 */
public final class ConsumerProcessMain {
    private ConsumerProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        String uri = args[0];
        String name = args[1];
        RedStream rs = RedStream.builder().redisUri(uri).identity(name).build();
        ConsumerSettings settings = ConsumerSettings.builder(FaultStreams.WORK, FaultStreams.GROUP, name)
                .concurrency(4).maxInFlight(FaultStreams.MAX_IN_FLIGHT).batchSize(50)
                .ackBatchSize(FaultStreams.ACK_BATCH).block(Duration.ofMillis(200)).build();
        StreamConsumer consumer = rs.consumer(settings, e -> {
            rs.publish(FaultStreams.PROCESSED, Map.of("id", e.id(), "by", name));
            Thread.sleep(1); // keep the run long enough to be killed in the middle
        });
        System.out.println("READY");
        System.out.flush();
        new CountDownLatch(1).await();
        consumer.close();
    }
}
