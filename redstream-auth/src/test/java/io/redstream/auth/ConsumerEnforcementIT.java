package io.redstream.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.redstream.core.AccessDeniedException;
import io.redstream.core.RedStream;
import io.redstream.core.consumer.ConsumerSettings;
import io.redstream.core.consumer.StreamConsumer;
import io.redstream.core.stream.StreamEntry;
import io.redstream.testkit.RedisServerExtension;
import io.redstream.testkit.RedisServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code rs.consumer(...)} through a secured view. The worker runs on its own threads and calls the group
 * operations of the view it was started from, so every command it would send is checked like a direct call.
 *
 * <p>Core starts the worker without an up-front access check and its first step is always {@code group.create}
 * (a WRITE action): a worker needs the domain's read <em>and</em> write roles. A worker lacking a right runs but
 * never gets past the denied step (each attempt is audited) and never sends a command its principal may not send.
 * See docs/security.md ("Consumers").
 */
@ExtendWith(RedisServerExtension.class)
class ConsumerEnforcementIT {
    static final String STREAM = "nova:task:router:jobs";
    static final String GROUP = "workers";
    static final Duration WAIT = Duration.ofSeconds(10);

    private final RedisServerProcess redis;
    private RedStream client;
    private SimpleMeterRegistry registry;
    private Policy policy;
    private Callers callers;
    private final List<StreamConsumer> consumers = new ArrayList<>();

    ConsumerEnforcementIT(RedisServerProcess redis) {
        this.redis = redis;
    }

    @BeforeEach
    void start() {
        redis.flushAll();
        client = RedStream.builder().redisUri(redis.uri()).build();
        registry = new SimpleMeterRegistry();
        policy = Policy.builder().audit(DenialAudit.builder().meterRegistry(registry).build()).build();
        callers = Callers.create();
    }

    @AfterEach
    void stop() {
        consumers.forEach(StreamConsumer::close);
        client.close();
    }

    private static ConsumerSettings settings(String consumer) {
        return ConsumerSettings.builder(STREAM, GROUP, consumer).block(Duration.ofMillis(100))
                .maxBackoff(Duration.ofMillis(100)).retryDelay(Duration.ofMillis(20))
                .ackInterval(Duration.ofMillis(10)).claimInterval(Duration.ofMillis(100))
                .closeTimeout(Duration.ofSeconds(5)).build();
    }

    private StreamConsumer start(RedStream view, String consumer, List<StreamEntry> handled) {
        StreamConsumer c = view.consumer(settings(consumer), handled::add);
        consumers.add(c);
        return c;
    }

    private double denials(String action) {
        Counter c = registry.find(DenialAudit.METER_NAME).tag("action", action).counter();
        return c == null ? 0 : c.count();
    }

    private List<String> publish(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(client.publish(STREAM, Map.of("n", i)));
        }
        return ids;
    }

    private Principal principal(String subject, String... roles) {
        return new Principal(subject, Set.of(roles), new AuthMethod.ApiKey("k3j9x0a1b2c3"));
    }

    @Test
    void consumer_readAndWriteRolesOfTheDomain_consumesAndAcknowledges() {
        List<String> ids = publish(3);
        RedStream view = policy.secure(client, principal("task-worker", "task_read", "task_write"));
        List<StreamEntry> handled = new CopyOnWriteArrayList<>();
        start(view, "w1", handled);

        await().atMost(WAIT).untilAsserted(() -> assertThat(handled).extracting(StreamEntry::id)
                .containsExactlyElementsOf(ids));
        await().atMost(WAIT).untilAsserted(() -> assertThat(client.groups().pending(STREAM, GROUP).count()).isZero());
        assertThat(registry.find(DenialAudit.METER_NAME).counters()).allSatisfy(c -> assertThat(c.count()).isZero());
    }

    @Test
    void consumer_admin_consumesAndAcknowledges() {
        List<String> ids = publish(2);
        RedStream view = policy.secure(client, callers.caller(Callers.Role.ADMIN).principal());
        List<StreamEntry> handled = new CopyOnWriteArrayList<>();
        start(view, "w1", handled);

        await().atMost(WAIT).untilAsserted(() -> assertThat(handled).extracting(StreamEntry::id)
                .containsExactlyElementsOf(ids));
        await().atMost(WAIT).untilAsserted(() -> assertThat(client.groups().pending(STREAM, GROUP).count()).isZero());
    }

    @Test
    void consumer_writerOfAnotherDomain_refusedAtStartAndSendsNothing() {
        publish(2);
        RedStream view = policy.secure(client, callers.caller(Callers.Role.AGENT_WRITE).principal());
        List<StreamEntry> handled = new CopyOnWriteArrayList<>();
        try (RedisMonitor monitor = new RedisMonitor(redis)) {
            monitor.assertSendsNothing(() -> {
                assertThatThrownBy(() -> start(view, "w1", handled)).isInstanceOf(AccessDeniedException.class)
                        .hasMessageContaining("group.read").hasMessageContaining(STREAM);
                return null;
            });
        }
        assertThat(denials("group.read")).isEqualTo(1);
        assertThat(handled).isEmpty();
        assertThat(client.groups().list(STREAM)).isEmpty();
    }

    @Test
    void consumer_readRoleOnly_consumesFromAnExistingGroupWithoutCreatingIt() {
        // The built-in roles let {domain}_read consume in groups (read, ack, claim, pending): the worker only creates its
        // group when Redis says it is missing, so a read-only principal never needs group.create.
        client.groups().create(STREAM, GROUP, "0");
        List<String> ids = publish(2);
        client.groups().read(STREAM, GROUP, "dead", 1, Duration.ZERO); // ids[0] pending on a dead consumer
        RedStream view = policy.secure(client, callers.caller(Callers.Role.TASK_READ).principal());
        List<StreamEntry> handled = new CopyOnWriteArrayList<>();
        ConsumerSettings settings = ConsumerSettings.builder(STREAM, GROUP, "w1").block(Duration.ofMillis(100))
                .maxBackoff(Duration.ofMillis(100)).claimInterval(Duration.ofMillis(50))
                .claimMinIdle(Duration.ofMillis(50)).keepAliveInterval(Duration.ofMillis(20))
                .ackInterval(Duration.ofMillis(10)).closeTimeout(Duration.ofSeconds(5)).build();
        try (RedisMonitor monitor = new RedisMonitor(redis)) {
            RedisMonitor.Window w = monitor.observe(() -> {
                StreamConsumer c = view.consumer(settings, handled::add);
                consumers.add(c);
                await().atMost(WAIT).until(() -> handled.size() == 2
                        && client.groups().pending(STREAM, GROUP).count() == 0);
                c.close();
                return null;
            });
            assertThat(w.thrown()).isNull();
            assertThat(w.commands()).anyMatch(cmd -> cmd.startsWith("\"XREADGROUP\""))
                    .noneMatch(cmd -> cmd.startsWith("\"XGROUP\""));
        }
        assertThat(handled).extracting(StreamEntry::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(registry.find(DenialAudit.METER_NAME).counters()).allSatisfy(c -> assertThat(c.count()).isZero());
    }

    @Test
    void consumer_readRoleOnly_missingGroup_isDeniedCreatingItAndHandlesNothing() {
        publish(2);
        RedStream view = policy.secure(client, callers.caller(Callers.Role.TASK_READ).principal());
        List<StreamEntry> handled = new CopyOnWriteArrayList<>();
        StreamConsumer c = start(view, "w1", handled);
        await().atMost(WAIT).until(() -> denials("group.create") >= 1);
        c.close();
        assertThat(handled).isEmpty();
        assertThat(client.groups().list(STREAM)).isEmpty();
    }

    @Test
    void consumer_writeRoleOnly_refusedAtStart() {
        publish(2);
        RedStream view = policy.secure(client, callers.caller(Callers.Role.TASK_WRITE).principal());
        List<StreamEntry> handled = new CopyOnWriteArrayList<>();
        try (RedisMonitor monitor = new RedisMonitor(redis)) {
            monitor.assertSendsNothing(() -> {
                assertThatThrownBy(() -> start(view, "w1", handled)).isInstanceOf(AccessDeniedException.class)
                        .hasMessageContaining("group.read");
                return null;
            });
        }
        assertThat(handled).isEmpty();
        assertThat(client.groups().list(STREAM)).isEmpty();
    }
}
