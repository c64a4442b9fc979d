package io.redstream.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redstream.core.AccessDeniedException;
import io.redstream.core.RedStream;
import io.redstream.core.naming.NamePattern;
import io.redstream.core.naming.NamingPolicy;
import io.redstream.core.naming.ResourceName;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessGuardTest {
    private static final ResourceName TASKS = NamingPolicy.defaults().stream("nova:task:a:b");
    private static final ResourceName AGENTS = NamingPolicy.defaults().stream("nova:agent:a:b");

    /** Allows only one domain. */
    private static AccessGuard onlyDomain(String domain) {
        return new AccessGuard() {
            @Override
            public void check(Action action, ResourceName resource) {
                if (!permits(action, resource)) {
                    throw new AccessDeniedException(action.id() + " denied on " + resource);
                }
            }

            @Override
            public void checkPattern(Action action, NamePattern pattern) {
                throw new AccessDeniedException("patterns denied");
            }

            @Override
            public boolean permits(Action action, ResourceName resource) {
                return resource.domain().equals(domain);
            }

            @Override
            public void checkActor(String actor, Action action, ResourceName resource) {
                if (!actor.startsWith(domain)) {
                    throw new AccessDeniedException(domain + " guard refuses actor " + actor);
                }
            }
        };
    }

    @Test
    void both_allowsOnlyWhatBothAllow() {
        AccessGuard g = AccessGuard.both(onlyDomain("task"), onlyDomain("agent"));
        assertThat(g.permits(Action.STREAM_READ, TASKS)).isFalse();
        assertThat(g.permits(Action.STREAM_READ, AGENTS)).isFalse();
        assertThatThrownBy(() -> g.check(Action.STREAM_READ, TASKS)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void both_checkActor_asksBothGuardsFirstGuardFirst() {
        AccessGuard g = AccessGuard.both(onlyDomain("task"), onlyDomain("task-a"));
        g.checkActor("task-a-1", Action.KEY_SET, TASKS);
        assertThatThrownBy(() -> g.checkActor("task-b", Action.KEY_SET, TASKS))
                .isInstanceOf(AccessDeniedException.class).hasMessage("task-a guard refuses actor task-b");
        assertThatThrownBy(() -> g.checkActor("agent-1", Action.KEY_SET, TASKS))
                .isInstanceOf(AccessDeniedException.class).hasMessage("task guard refuses actor agent-1");
    }

    @Test
    void allowAll_checkActor_permitsEveryActor() {
        AccessGuard.ALLOW_ALL.checkActor("anyone", Action.KEY_SET, TASKS);
        AccessGuard g = AccessGuard.both(AccessGuard.ALLOW_ALL, onlyDomain("task"));
        assertThatThrownBy(() -> g.checkActor("agent-1", Action.KEY_SET, TASKS))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void both_withAllowAll_isTheOtherGuard() {
        AccessGuard task = onlyDomain("task");
        assertThat(AccessGuard.both(AccessGuard.ALLOW_ALL, task)).isSameAs(task);
        assertThat(AccessGuard.both(task, AccessGuard.ALLOW_ALL)).isSameAs(task);
    }

    @Test
    void withGuard_narrowsAViewAndNeverWidensIt() {
        try (RedStream rs = RedStream.builder().redisUri("redis://127.0.0.1:1").build()) {
            RedStream taskOnly = rs.withGuard(onlyDomain("task"));
            RedStream reopened = taskOnly.withGuard(AccessGuard.ALLOW_ALL);
            assertThat(reopened.guard().permits(Action.STREAM_PUBLISH, AGENTS)).isFalse();
            assertThat(reopened.guard().permits(Action.STREAM_PUBLISH, TASKS)).isTrue();
            // denied before any connection is attempted: the unreachable port is never dialled
            assertThatThrownBy(() -> reopened.publish("nova:agent:a:b", Map.of("a", "1")))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }
}
