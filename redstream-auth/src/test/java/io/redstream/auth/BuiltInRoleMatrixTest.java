package io.redstream.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redstream.core.AccessDeniedException;
import io.redstream.core.access.AccessGuard;
import io.redstream.core.access.Action;
import io.redstream.core.naming.NamingPolicy;
import io.redstream.core.naming.ResourceName;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Action against every built-in role kind, in the role's own domain and in another domain. The expected
 * sets are written out from the built-in role definitions (docs/security.md) rather than derived from {@code Action.level()}, so a change to either
 * side shows up here.
 */
class BuiltInRoleMatrixTest {
    private static final Set<String> READ = Set.of("stream.read", "stream.info", "stream.list", "group.read",
            "group.ack", "group.claim", "group.pending", "key.get", "key.scan", "channel.subscribe");
    private static final Set<String> WRITE = Set.of("stream.publish", "group.create", "key.set", "key.delete",
            "key.expire", "channel.publish");
    private static final Set<String> ADMIN_ONLY = Set.of("group.destroy", "group.setid");
    private static final List<String> ROLES = List.of("task_read", "task_write", "agent_read", "agent_write",
            "admin");
    private static final NamingPolicy NAMING = NamingPolicy.defaults();
    private static final Policy POLICY = Policy.builder().audit(DenialAudit.builder().maxEventsPerSecond(1).build())
            .build();

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (String role : ROLES) {
            for (Action action : Action.values()) {
                for (String domain : List.of("task", "agent")) {
                    cases.add(Arguments.of(role, action, domain, expected(role, action.id(), domain)));
                }
            }
        }
        return cases.stream();
    }

    private static boolean expected(String role, String action, String domain) {
        if (role.equals("admin")) {
            return true;
        }
        boolean ownDomain = role.startsWith(domain + "_");
        return ownDomain && (role.endsWith("_read") ? READ.contains(action) : WRITE.contains(action));
    }

    private static ResourceName resourceFor(Action action, String domain) {
        return switch (action.resourceKind()) {
            case STREAM -> NAMING.stream("nova:" + domain + ":alpha:tasks");
            case KEY -> NAMING.key("nova:" + domain + ":alpha:session:42");
            case CHANNEL -> NAMING.channel("nova:" + domain + ":alpha:events");
        };
    }

    @ParameterizedTest(name = "{0} {1} on {2} -> {3}")
    @MethodSource("matrix")
    void check_builtInRoleMatrix(String role, Action action, String domain, boolean allowed) {
        AccessGuard guard = POLICY.guardFor(new Principal("svc-a", Set.of(role), new AuthMethod.Local()));
        ResourceName resource = resourceFor(action, domain);
        assertThat(guard.permits(action, resource)).isEqualTo(allowed);
        if (allowed) {
            guard.check(action, resource);
        } else {
            assertThatThrownBy(() -> guard.check(action, resource))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessage("principal 'svc-a' (role(s) " + role + ") lacks action '" + action.id() + "' on '"
                            + resource.redisName() + "'");
        }
    }

    @Test
    void matrix_coversEveryActionExactlyOnce() {
        // The three sets partition the actions, so the matrix above covers every Action.
        Set<String> all = new java.util.HashSet<>(READ);
        all.addAll(WRITE);
        all.addAll(ADMIN_ONLY);
        assertThat(all).hasSize(READ.size() + WRITE.size() + ADMIN_ONLY.size());
        assertThat(all).containsExactlyInAnyOrderElementsOf(
                Stream.of(Action.values()).map(Action::id).toList());
    }
}
