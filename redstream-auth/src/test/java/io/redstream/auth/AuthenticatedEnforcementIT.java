package io.redstream.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redstream.core.AccessDeniedException;
import io.redstream.core.RedStream;
import io.redstream.core.RedStreamException;
import io.redstream.core.stream.StreamEntry;
import io.redstream.testkit.RedisServerExtension;
import io.redstream.testkit.RedisServerProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * End to end as a server would do it: a credential arrives, {@link Authenticator} turns it into a principal,
 * {@link Policy#secure} makes the view, and the view runs the caller's operations against a real Redis.
 */
@ExtendWith(RedisServerExtension.class)
class AuthenticatedEnforcementIT {
    static final String TASKS = "nova:task:router:tasks";
    static final String AGENT_INBOX = "nova:agent:watcher:inbox";
    static final String AGENT_KEY = "nova:agent:watcher:session:1";

    private final RedisServerProcess redis;
    private RedStream client;
    private Policy policy;
    private TokenIssuer issuer;
    private GeneratedApiKey apiKey;
    private Authenticator authenticator;
    private RedisMonitor monitor;

    AuthenticatedEnforcementIT(RedisServerProcess redis) {
        this.redis = redis;
    }

    @BeforeEach
    void start() {
        redis.flushAll();
        client = RedStream.builder().redisUri(redis.uri()).identity("gateway").build();
        policy = Policy.builtIn();
        issuer = TokenIssuer.builder().hmacSecret(Callers.JWT_SECRET).keyId("k1").issuer(Callers.ISSUER)
                .audience(Callers.AUDIENCE).build();
        apiKey = new ApiKeyGenerator().generate(Set.of("agent_read"), "agent-watcher",
                Instant.now().plus(Duration.ofDays(1)));
        // the key reaches the authenticator the way an operator stores it: as its hashed store line
        authenticator = Authenticator.builder().hmacSecret("k1", Callers.JWT_SECRET).issuer(Callers.ISSUER)
                .audience(Callers.AUDIENCE).apiKeys(ApiKeys.parse(apiKey.storeLine(), "api-keys.txt")).build();
        monitor = new RedisMonitor(redis);
    }

    @AfterEach
    void stop() {
        monitor.close();
        client.close();
    }

    @Test
    void jwt_taskRouter_publishesConsumesAndIsRefusedOutsideItsRoles() {
        String token = issuer.issue("task-router", Set.of("task_read", "task_write"));
        Principal principal = authenticator.authenticate(token);
        assertThat(principal.method()).isEqualTo(new AuthMethod.Jwt("k1", Callers.ISSUER));
        RedStream view = policy.secure(client, principal);

        String id = view.publish(TASKS, Map.of("title", "New task"));
        assertThat(view.groups().create(TASKS, "routers", "0")).isTrue();
        List<StreamEntry> got = view.groups().read(TASKS, "routers", "r1", 10, Duration.ZERO);
        assertThat(got).extracting(StreamEntry::id).containsExactly(id);
        assertThat(got.get(0).get("_source")).isEqualTo("gateway");
        assertThat(view.groups().ack(TASKS, "routers", List.of(id))).isEqualTo(1);
        assertThat(view.state().set("nova:task:router:progress", 3)).isTrue();
        assertThat(view.state().get("nova:task:router:progress", Integer.class)).contains(3);

        Throwable publishElsewhere = monitor.assertSendsNothing(() -> view.publish(AGENT_INBOX, Map.of("x", 1)));
        assertThat(publishElsewhere).isInstanceOf(AccessDeniedException.class)
                .hasMessage("principal 'task-router' (role(s) task_read, task_write) lacks action 'stream.publish'"
                        + " on '" + AGENT_INBOX + "'");
        Throwable destroy = monitor.assertSendsNothing(() -> view.groups().destroy(TASKS, "routers"));
        assertThat(destroy).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("lacks action 'group.destroy' on '" + TASKS + "'");
        for (Throwable t : List.of(publishElsewhere, destroy)) {
            for (String part : token.split("\\.")) {
                assertThat(t.getMessage()).doesNotContain(part);
            }
        }
        assertThat(client.groups().pending(TASKS, "routers").count()).isZero();
    }

    @Test
    void apiKey_agentWatcher_readsItsDomainAndIsRefusedEverythingElse() {
        client.publish(AGENT_INBOX, Map.of("msg", "hello"));
        client.state().set(AGENT_KEY, "state");
        client.publish(TASKS, Map.of("title", "not for the watcher"));

        Principal principal = authenticator.authenticate(apiKey.key());
        assertThat(principal.subject()).isEqualTo("agent-watcher");
        assertThat(principal.method()).isEqualTo(new AuthMethod.ApiKey(apiKey.id()));
        RedStream view = policy.secure(client, principal);

        assertThat(view.streams().latest(AGENT_INBOX, 1)).singleElement()
                .satisfies(e -> assertThat(e.get("msg")).isEqualTo("hello"));
        assertThat(view.state().get(AGENT_KEY)).contains("state");

        Throwable write = monitor.assertSendsNothing(() -> view.state().set(AGENT_KEY, "overwritten"));
        assertThat(write).isInstanceOf(AccessDeniedException.class)
                .hasMessage("principal 'agent-watcher' (role(s) agent_read) lacks action 'key.set' on '" + AGENT_KEY
                        + "'");
        Throwable otherDomain = monitor.assertSendsNothing(() -> view.streams().range(TASKS, "-", "+", 10));
        assertThat(otherDomain).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("lacks action 'stream.read' on '" + TASKS + "'");
        String secret = Callers.secretParts(apiKey.key()).get(0);
        assertThat(write.getMessage()).doesNotContain(secret);
        assertThat(otherDomain.getMessage()).doesNotContain(secret);
        assertThat(client.state().get(AGENT_KEY)).contains("state");
    }

    @Test
    void view_closesNothing_andEndsWithItsClient() {
        Principal principal = authenticator.authenticate(issuer.issue("svc", Set.of("task_read", "task_write")));
        RedStream view = policy.secure(client, principal);
        view.publish(TASKS, Map.of("n", 1));

        view.close();
        view.close();
        assertThat(client.streams().length(TASKS)).isEqualTo(1);
        assertThat(view.streams().length(TASKS)).as("a closed view keeps working: it owns nothing").isEqualTo(1);

        client.close();
        assertThatThrownBy(() -> view.streams().length(TASKS)).isInstanceOf(RedStreamException.class)
                .isNotInstanceOf(AccessDeniedException.class);
    }
}
