package io.redstream.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redstream.auth.Callers.Role;
import io.redstream.core.AccessDeniedException;
import io.redstream.core.RedStream;
import io.redstream.core.ScanPage;
import io.redstream.core.pubsub.PubSubMessage;
import io.redstream.core.pubsub.Subscription;
import io.redstream.testkit.RedisServerExtension;
import io.redstream.testkit.RedisServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;

/**
 * Listings show only what the caller may read, and pattern subscriptions are allowed only when every channel they
 * can match is allowed. Listings filter (a name the caller may not read is simply absent, and is not an audited
 * denial); a pattern subscription is checked as a whole and denied before anything is sent.
 */
@ExtendWith(RedisServerExtension.class)
class ListingEnforcementIT {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final int PER_DOMAIN = 12;

    private final RedisServerProcess redis;
    private RedStream client;
    private RedisMonitor monitor;
    private DenialAudit audit;
    private Policy policy;
    private Callers callers;
    private final List<String> taskKeys = new ArrayList<>();
    private final List<String> agentKeys = new ArrayList<>();
    private final List<String> taskStreams = new ArrayList<>();
    private final List<String> agentStreams = new ArrayList<>();
    private final List<Subscription> subscriptions = new ArrayList<>();

    ListingEnforcementIT(RedisServerProcess redis) {
        this.redis = redis;
    }

    @BeforeEach
    void seed() {
        redis.flushAll();
        client = RedStream.builder().redisUri(redis.uri()).build();
        monitor = new RedisMonitor(redis);
        audit = DenialAudit.builder().build();
        policy = Policy.builder().audit(audit).build();
        callers = Callers.create();
        for (int i = 0; i < PER_DOMAIN; i++) {
            taskKeys.add("nova:task:router:state:" + i);
            agentKeys.add("nova:agent:alpha:session:" + i);
            taskStreams.add("nova:task:router:s" + i);
            agentStreams.add("nova:agent:alpha:s" + i);
        }
        taskKeys.forEach(k -> client.state().set(k, "t"));
        agentKeys.forEach(k -> client.state().set(k, "a"));
        taskStreams.forEach(s -> client.publish(s, Map.of("n", 1)));
        agentStreams.forEach(s -> client.publish(s, Map.of("n", 1)));
        try (Jedis raw = redis.connect()) {
            // business data sharing the Redis, and namespace names no configured domain covers
            raw.set("billing:invoice:1", "x");
            raw.xadd("billing:orders:events", StreamEntryID.NEW_ENTRY, Map.of("a", "b"));
            raw.set("nova:billing:x:y", "x");
            raw.xadd("nova:billing:x:s", StreamEntryID.NEW_ENTRY, Map.of("a", "b"));
        }
    }

    @AfterEach
    void stop() {
        subscriptions.forEach(Subscription::close);
        monitor.close();
        client.close();
    }

    private RedStream view(Role role) {
        return policy.secure(client, callers.caller(role).principal());
    }

    /** Every page, with a small page size so the cursor is followed across several SCAN calls. */
    private static List<String> all(BiFunction<String, String, ScanPage> page) {
        List<String> names = new ArrayList<>();
        String cursor = "0";
        int pages = 0;
        do {
            ScanPage p = page.apply("nova:*", cursor);
            names.addAll(p.names());
            cursor = p.cursor();
            pages++;
        } while (!cursor.equals("0") && pages < 1000);
        return names;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    void scan_taskReader_seesOnlyTaskNames() {
        RedStream v = view(Role.TASK_READ);
        List<String> seen = all((pattern, cursor) -> v.state().scan(pattern, cursor, 5));
        // a key scan lists every type: the task streams are keys too
        assertThat(seen).containsExactlyInAnyOrderElementsOf(concat(taskKeys, taskStreams));
        assertThat(audit.denials()).as("filtering is not a denial").isZero();
    }

    @Test
    void scan_admin_seesTheWholeNamespaceButNothingOutsideIt() {
        RedStream v = view(Role.ADMIN);
        List<String> seen = all((pattern, cursor) -> v.state().scan(pattern, cursor, 5));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(
                concat(concat(taskKeys, taskStreams), concat(agentKeys, agentStreams)));
        assertThat(seen).noneMatch(n -> n.startsWith("billing:") || n.startsWith("nova:billing:"));
    }

    @Test
    void scan_writeOnlyRole_seesNothingNotEvenItsOwnDomain() {
        RedStream v = view(Role.AGENT_WRITE);
        assertThat(all((pattern, cursor) -> v.state().scan(pattern, cursor, 5))).isEmpty();
        assertThat(audit.denials()).isZero();
    }

    @Test
    void scan_taskReaderAskingForAnotherDomain_getsAnEmptyListingNotADenial() {
        RedStream v = view(Role.TASK_READ);
        List<String> seen = new ArrayList<>();
        String cursor = "0";
        do {
            ScanPage p = v.state().scan("nova:agent:*", cursor, 5);
            seen.addAll(p.names());
            cursor = p.cursor();
        } while (!cursor.equals("0"));
        assertThat(seen).isEmpty();
        assertThat(audit.denials()).isZero();
    }

    @Test
    void list_taskReader_seesOnlyTaskStreams() {
        RedStream v = view(Role.TASK_READ);
        assertThat(all((pattern, cursor) -> v.streams().list(pattern, cursor, 5)))
                .containsExactlyInAnyOrderElementsOf(taskStreams);
        assertThat(audit.denials()).isZero();
    }

    @Test
    void list_admin_seesEveryStreamOfTheNamespaceOnly() {
        RedStream v = view(Role.ADMIN);
        assertThat(all((pattern, cursor) -> v.streams().list(pattern, cursor, 5)))
                .containsExactlyInAnyOrderElementsOf(concat(taskStreams, agentStreams));
    }

    @Test
    void list_unsecuredClient_alsoHidesBusinessData() {
        // the unsecured client lists the namespace too: RedStream never reaches outside it
        assertThat(all((pattern, cursor) -> client.streams().list(pattern, cursor, 5)))
                .containsExactlyInAnyOrderElementsOf(concat(taskStreams, agentStreams));
    }

    // ----------------------------------------------------------------------------------------- pattern subscribe

    @Test
    void patternSubscribe_namespaceWide_deniedForADomainRoleBeforeAnythingIsSent() {
        RedStream v = view(Role.TASK_READ);
        for (String pattern : List.of("nova:*", "nova:ta*", "nova:*:router:*")) {
            Throwable thrown = monitor.assertSendsNothing(() -> v.pubsub().subscribe(List.of(), List.of(pattern),
                    m -> { }));
            assertThat(thrown).as(pattern).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("principal 'svc-task-reader'")
                    .hasMessageContaining("lacks action 'channel.subscribe' on every name matching '" + pattern + "'")
                    .hasMessageContaining("a pattern is allowed only when every name it can match is allowed");
        }
        assertThat(audit.denials()).isEqualTo(3);
    }

    @Test
    void patternSubscribe_mixedWithAnAllowedChannel_deniedAsAWhole() {
        RedStream v = view(Role.TASK_READ);
        Throwable thrown = monitor.assertSendsNothing(() -> v.pubsub().subscribe(List.of("nova:task:router:alerts"),
                List.of("nova:*"), m -> { }));
        assertThat(thrown).isInstanceOf(AccessDeniedException.class).hasMessageContaining("'nova:*'");
    }

    @Test
    void patternSubscribe_namespaceWide_allowedForAdmin_receivesEveryDomain() {
        List<PubSubMessage> got = subscribe(view(Role.ADMIN), "nova:*");
        client.pubsub().publish("nova:task:router:alerts", "t1");
        client.pubsub().publish("nova:agent:alpha:alerts", "a1");
        await().atMost(WAIT).untilAsserted(() -> assertThat(got).extracting(PubSubMessage::message)
                .containsExactlyInAnyOrder("t1", "a1"));
        assertThat(got).allSatisfy(m -> assertThat(m.pattern()).isEqualTo("nova:*"));
    }

    @Test
    void patternSubscribe_ownDomain_allowedForTaskReader_receivesTaskChannels() {
        List<PubSubMessage> got = subscribe(view(Role.TASK_READ), "nova:task:*");
        client.pubsub().publish("nova:agent:alpha:alerts", "a1");
        client.pubsub().publish("nova:task:router:alerts", "t1");
        client.pubsub().publish("nova:task:other:x:y", "t2");
        await().atMost(WAIT).untilAsserted(() -> assertThat(got).extracting(PubSubMessage::message)
                .containsExactly("t1", "t2"));
        assertThat(audit.denials()).isZero();
    }

    @Test
    void patternSubscribe_ownDomain_deniedForTheWriterOfThatDomain() {
        Throwable thrown = monitor.assertSendsNothing(() -> view(Role.TASK_WRITE).pubsub().subscribe(List.of(),
                List.of("nova:task:*"), m -> { }));
        assertThat(thrown).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("lacks action 'channel.subscribe' on every name matching 'nova:task:*'");
    }

    private List<PubSubMessage> subscribe(RedStream v, String pattern) {
        List<PubSubMessage> got = new CopyOnWriteArrayList<>();
        Subscription sub = v.pubsub().subscribe(List.of(), List.of(pattern), got::add);
        subscriptions.add(sub);
        assertThat(sub.awaitSubscribed(WAIT)).isTrue();
        return got;
    }
}
