package io.redstream.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redstream.core.AccessDeniedException;
import io.redstream.core.RedStream;
import io.redstream.core.access.AccessGuard;
import io.redstream.core.access.Action;
import io.redstream.core.naming.NamePattern;
import io.redstream.core.naming.NamingPolicy;
import io.redstream.core.naming.ResourceName;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Policy#secure} without a Redis: the client points at a port nothing listens on, so any command would fail
 * with a connection error; a denial proves the check came first.
 */
class PolicySecureTest {
    private static final NamingPolicy NAMING = NamingPolicy.defaults();
    private final RedStream client = RedStream.builder().redisUri("redis://127.0.0.1:1")
            .connectTimeout(java.time.Duration.ofMillis(200)).build();
    private final Policy policy = Policy.builtIn();
    private final Principal reader = new Principal("svc-a", Set.of("task_read"), new AuthMethod.ApiKey("k3j9x0a1b2c3"));

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void secure_viewChecksThePrincipalsRoles() {
        RedStream view = policy.secure(client, reader);
        assertThat(view.guard().permits(Action.STREAM_READ, NAMING.stream("nova:task:a:b"))).isTrue();
        assertThat(view.guard().permits(Action.STREAM_READ, NAMING.stream("nova:agent:a:b"))).isFalse();
        assertThat(view.guard().permits(Action.STREAM_PUBLISH, NAMING.stream("nova:task:a:b"))).isFalse();
        assertThat(client.guard()).isSameAs(AccessGuard.ALLOW_ALL);
    }

    @Test
    void secure_deniedCallFailsBeforeAnyConnection() {
        RedStream view = policy.secure(client, reader);
        assertThatThrownBy(() -> view.publish("nova:task:a:b", Map.of("k", "v")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("principal 'svc-a' (role(s) task_read) lacks action 'stream.publish' on 'nova:task:a:b'");
        assertThatThrownBy(() -> view.state().delete(List.of("nova:task:a:b")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void secure_clientOfAnotherNamespace_isRefused() {
        try (RedStream acme = RedStream.builder().redisUri("redis://127.0.0.1:1")
                .naming(NamingPolicy.builder().namespace("acme").build()).build()) {
            assertThatThrownBy(() -> policy.secure(acme, reader)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("client namespace must equal the policy namespace 'nova', but was 'acme'; build the"
                            + " Policy with the client's NamingPolicy");
        }
    }

    @Test
    void secure_guardedView_keepsItsOwnGuard() {
        AccessGuard noKeyWrites = new AccessGuard() {
            @Override
            public void check(Action action, ResourceName resource) {
                if (action == Action.KEY_SET) {
                    throw new AccessDeniedException("read-only view");
                }
            }

            @Override
            public void checkPattern(Action action, NamePattern pattern) {
            }

            @Override
            public boolean permits(Action action, ResourceName resource) {
                return action != Action.KEY_SET;
            }

            @Override
            public void checkActor(String actor, Action action, ResourceName resource) {
            }
        };
        RedStream view = policy.secure(client.withGuard(noKeyWrites), Principal.localAdmin());
        assertThatThrownBy(() -> view.state().set("nova:task:a:b", "v")).hasMessage("read-only view");
        assertThat(view.guard().permits(Action.KEY_SET, NAMING.key("nova:task:a:b"))).isFalse();
        assertThat(view.guard().permits(Action.KEY_GET, NAMING.key("nova:task:a:b"))).isTrue();

        RedStream narrowed = policy.secure(client.withGuard(noKeyWrites), reader);
        assertThat(narrowed.guard().permits(Action.KEY_GET, NAMING.key("nova:agent:a:b"))).isFalse();
    }

    @Test
    void secure_securingASecuredView_neverWidensIt() {
        RedStream readerView = policy.secure(client, reader);
        RedStream again = policy.secure(readerView, Principal.localAdmin());
        assertThatThrownBy(() -> again.publish("nova:task:a:b", Map.of("k", "v")))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("principal 'svc-a'");
    }

    @Test
    void secure_nullArguments_areNamed() {
        assertThatThrownBy(() -> policy.secure(null, reader)).isInstanceOf(NullPointerException.class)
                .hasMessage("client");
        assertThatThrownBy(() -> policy.secure(client, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("principal");
    }
}
