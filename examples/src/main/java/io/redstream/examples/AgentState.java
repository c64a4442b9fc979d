package io.redstream.examples;

import io.redstream.core.RedStream;
import io.redstream.core.pubsub.CollectedMessages;
import io.redstream.core.pubsub.PubSubMessage;
import io.redstream.core.pubsub.Subscription;
import io.redstream.core.state.SetOptions;
import io.redstream.core.tx.TransactionResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Ephemeral agent state with TTL, a lock with NX, a pub/sub notification, an atomic update and a health check.
 *
 * <p>Run: {@code mvn -q -pl examples exec:java -Dexample=io.redstream.examples.AgentState}.
 */
public final class AgentState {
    static final String SESSION = "nova:agent:alpha:session:42";
    static final String LOCK = "nova:agent:alpha:lock:job-7";
    static final String PROGRESS = "nova:agent:alpha:progress:job-7";
    static final String CHANNEL = "nova:broadcast:agents:events";

    private AgentState() {
    }

    public static void main(String[] args) throws Exception {
        try (ExampleRedis redis = ExampleRedis.start();
                RedStream rs = RedStream.builder().redisUri(redis.uri()).identity("agent-alpha").build()) {
            run(rs);
        }
    }

    /** Returns the notifications the agent received. */
    static List<String> run(RedStream rs) throws InterruptedException {
        // Session state that disappears by itself after 30 minutes of inactivity.
        rs.state().set(SESSION, Map.of("user", "ada", "step", 1), SetOptions.ttl(Duration.ofMinutes(30)));
        System.out.println("session: " + rs.state().get(SESSION, Map.class).orElseThrow()
                + ", expires in " + rs.state().ttl(SESSION).remaining().toMinutes() + " min");

        // A lock: only one agent gets it (NX), and it frees itself after 10 s if the holder dies.
        boolean mine = rs.state().set(LOCK, "agent-alpha", SetOptions.ttl(Duration.ofSeconds(10)).ifAbsent());
        boolean theirs = rs.state().set(LOCK, "agent-beta", SetOptions.ttl(Duration.ofSeconds(10)).ifAbsent());
        System.out.println("lock: alpha got it=" + mine + ", beta got it=" + theirs);

        // Tell other agents, and listen to what they say.
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        try (Subscription sub = rs.pubsub().subscribe(List.of(CHANNEL), List.of(),
                (PubSubMessage m) -> heard.add(m.message()))) {
            sub.awaitSubscribed(Duration.ofSeconds(5));
            long receivers = rs.pubsub().publish(CHANNEL, "alpha started job-7");
            System.out.println("notified " + receivers + " subscriber(s)");
            long deadline = System.currentTimeMillis() + 5_000;
            while (heard.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
        }

        // Progress and session move together, or not at all. (On a cluster, keys of one transaction must share a
        // hash slot; see docs/state.md.)
        TransactionResult r = rs.transaction()
                .increment(PROGRESS, 25, Duration.ofHours(1))
                .set(SESSION, Map.of("user", "ada", "step", 2), Duration.ofMinutes(30))
                .execute();
        System.out.println("atomic update committed=" + r.committed() + ", progress=" + r.results().get(0) + "%");

        // Wait briefly for anything else on the channel, bounded in time and count.
        CollectedMessages more = rs.pubsub().collect(List.of(CHANNEL), List.of(), Duration.ofMillis(200), 10);
        System.out.println("collected " + more.messages().size() + " more (timed out: " + more.timedOut() + ")");

        System.out.println("health: " + rs.health().status() + " redis " + rs.health().redisVersion());
        return heard;
    }
}
