package io.redstream.examples;

import io.redstream.core.RedStream;
import io.redstream.core.pubsub.PubSubMessage;
import io.redstream.core.pubsub.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Pub/sub: one agent subscribes to a channel and to a pattern, another broadcasts on two channels; messages are
 * fire-and-forget (a subscriber that is not connected misses them — use a stream for what must not be lost).
 *
 * <p>{@code mvn -pl examples exec:java -Dexample=PubSub}
 */
public final class PubSub {
    static final String ALERTS = "nova:broadcast:alerts:all";
    static final String AGENT_EVENTS = "nova:broadcast:agents:events";

    private PubSub() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (ExampleRedis redis = ExampleRedis.start();
                RedStream rs = RedStream.builder().redisUri(redis.uri()).identity("pubsub-example").build()) {
            for (PubSubMessage m : run(rs)) {
                System.out.println("received on " + m.channel() + ": " + m.message());
            }
        }
    }

    /** Subscribes, broadcasts two messages, and returns what the subscriber received. */
    static List<PubSubMessage> run(RedStream rs) throws InterruptedException {
        List<PubSubMessage> received = new CopyOnWriteArrayList<>();
        CountDownLatch two = new CountDownLatch(2);
        try (Subscription sub = rs.pubsub().subscribe(List.of(ALERTS), List.of("nova:broadcast:agents:*"), m -> {
            received.add(m);
            two.countDown();
        })) {
            if (!sub.awaitSubscribed(Duration.ofSeconds(5))) {
                throw new IllegalStateException("the subscription did not start within 5 s");
            }
            long alerted = rs.pubsub().publish(ALERTS, "disk almost full on worker-3");
            long told = rs.pubsub().publish(AGENT_EVENTS, "alpha started job-7");
            System.out.println("delivered to " + alerted + " and " + told + " subscriber(s)");
            if (!two.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("expected 2 messages, got " + received.size());
            }
        }
        return received;
    }
}
