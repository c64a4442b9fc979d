package io.redstream.examples;

import io.redstream.core.RedStream;
import io.redstream.core.consumer.ConsumerSettings;
import io.redstream.core.consumer.StreamConsumer;
import io.redstream.core.stream.DeadLetterFields;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A managed worker whose handler fails on one message: it is retried with backoff, then moved to
 * {@code <stream>:dlq}; a second worker on the dead-letter stream reports it.
 *
 * <p>Run: {@code mvn -q -pl examples exec:java -Dexample=io.redstream.examples.WorkerWithDeadLetters}.
 */
public final class WorkerWithDeadLetters {
    static final String STREAM = "nova:task:billing:invoices";
    static final String DEAD_LETTERS = STREAM + ":dlq";

    private WorkerWithDeadLetters() {
    }

    public static void main(String[] args) throws Exception {
        try (ExampleRedis redis = ExampleRedis.start();
                RedStream rs = RedStream.builder().redisUri(redis.uri()).identity("invoice-worker").build()) {
            run(rs);
        }
    }

    /** Returns the reason recorded for the dead-lettered message. */
    static String run(RedStream rs) throws InterruptedException {
        CountDownLatch processed = new CountDownLatch(2);
        CountDownLatch deadLettered = new CountDownLatch(1);
        String[] reason = new String[1];

        ConsumerSettings work = ConsumerSettings.builder(STREAM, "invoicing", "worker-1")
                .concurrency(2).maxDeliveries(3).retryDelay(Duration.ofMillis(100)).build();
        ConsumerSettings dlq = ConsumerSettings.builder(DEAD_LETTERS, "alerts", "alerter-1").build();

        try (StreamConsumer worker = rs.consumer(work, entry -> {
                    if (entry.get("amount").startsWith("-")) {
                        throw new IllegalArgumentException("negative amount " + entry.get("amount"));
                    }
                    System.out.println("invoiced " + entry.get("customer") + ": " + entry.get("amount"));
                    processed.countDown();
                });
                StreamConsumer alerter = rs.consumer(dlq, entry -> {
                    reason[0] = entry.get(DeadLetterFields.REASON);
                    System.out.println("DEAD LETTER " + entry.get(DeadLetterFields.ORIGINAL_ID) + " after "
                            + entry.get(DeadLetterFields.DELIVERIES) + " deliveries: " + reason[0]);
                    deadLettered.countDown();
                })) {
            rs.publish(STREAM, Map.of("customer", "acme", "amount", "120.00"));
            rs.publish(STREAM, Map.of("customer", "globex", "amount", "-5.00"));
            rs.publish(STREAM, Map.of("customer", "initech", "amount", "42.00"));

            boolean done = processed.await(30, TimeUnit.SECONDS) && deadLettered.await(30, TimeUnit.SECONDS);
            System.out.println(done ? "worker stats: " + worker.stats() : "timed out waiting for the worker");
            System.out.println("alerter stats: " + alerter.stats());
        }
        return reason[0];
    }
}
