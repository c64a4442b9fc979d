package io.redstream.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redstream.core.AccessDeniedException;
import io.redstream.core.access.AccessGuard;
import io.redstream.core.access.Action;
import io.redstream.core.naming.NameKind;
import io.redstream.core.naming.NamePattern;
import io.redstream.core.naming.NamingPolicy;
import io.redstream.core.naming.ResourceName;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyGuardTest {
    private static final NamingPolicy NAMING = NamingPolicy.defaults();
    private final CapturingLogger log = new CapturingLogger();
    private final Policy policy = Policy.builder().policyYaml("""
            roles:
              watcher:
                - effect: allow
                  actions: [channel.subscribe, key.scan]
                  resources: ["nova:agent:>"]
                - effect: deny
                  actions: [channel.subscribe]
                  resources: ["nova:agent:*:private"]
              narrow:
                - effect: allow
                  actions: [channel.subscribe]
                  resources: ["nova:task:*:events"]
            """).audit(DenialAudit.builder().logger(log).build()).build();

    private AccessGuard guard(String... roles) {
        return policy.guardFor(new Principal("svc-a", Set.of(roles), new AuthMethod.Local()));
    }

    @Test
    void checkPattern_adminMaySubscribeToTheWholeNamespace() {
        assertThatCode(() -> policy.guardFor(Principal.localAdmin())
                .checkPattern(Action.CHANNEL_SUBSCRIBE, NAMING.pattern(NameKind.CHANNEL, "nova:*")))
                .doesNotThrowAnyException();
    }

    @Test
    void checkPattern_domainReaderWithinItsDomain() {
        AccessGuard reader = guard("task_read");
        reader.checkPattern(Action.CHANNEL_SUBSCRIBE, NAMING.pattern(NameKind.CHANNEL, "nova:task:*"));
        reader.checkPattern(Action.KEY_SCAN, NAMING.pattern(NameKind.KEY, "nova:task:alpha:*"));
        assertThatThrownBy(() -> reader.checkPattern(Action.CHANNEL_SUBSCRIBE,
                NAMING.pattern(NameKind.CHANNEL, "nova:*")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("principal 'svc-a' (role(s) task_read) lacks action 'channel.subscribe' on every name"
                        + " matching 'nova:*'; a pattern is allowed only when every name it can match is allowed");
    }

    @Test
    void checkPattern_wildcardInsideASegmentIsJudgedConservatively() {
        // nova:ta* could match nova:task:... and nova:tasks-other:...; only admin covers that.
        assertThatThrownBy(() -> guard("task_read").checkPattern(Action.CHANNEL_SUBSCRIBE,
                NAMING.pattern(NameKind.CHANNEL, "nova:ta*")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void checkPattern_singleSegmentWildcardRuleDoesNotCoverAGlob() {
        // nova:task:*:events covers nova:task:x:events, but glob nova:task:*:events also matches
        // nova:task:a:b:events ('*' matches ':' in Redis), so the pattern is refused.
        assertThatThrownBy(() -> guard("narrow").checkPattern(Action.CHANNEL_SUBSCRIBE,
                NAMING.pattern(NameKind.CHANNEL, "nova:task:*:events")))
                .isInstanceOf(AccessDeniedException.class);
        guard("narrow").checkPattern(Action.CHANNEL_SUBSCRIBE,
                NAMING.pattern(NameKind.CHANNEL, "nova:task:alpha:events"));
    }

    @Test
    void checkPattern_deniedWhenADenyRuleCouldMatch() {
        AccessGuard watcher = guard("watcher");
        assertThatThrownBy(() -> watcher.checkPattern(Action.CHANNEL_SUBSCRIBE,
                NAMING.pattern(NameKind.CHANNEL, "nova:agent:*")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("on every name matching 'nova:agent:*'; denied by rule watcher#1");
        watcher.checkPattern(Action.KEY_SCAN, NAMING.pattern(NameKind.KEY, "nova:agent:*"));
        watcher.checkPattern(Action.CHANNEL_SUBSCRIBE, NAMING.pattern(NameKind.CHANNEL, "nova:agent:alpha:public*"));
        // The deny rule can match nova:agent:alpha:private, which this pattern reaches.
        assertThatThrownBy(() -> watcher.checkPattern(Action.CHANNEL_SUBSCRIBE,
                NAMING.pattern(NameKind.CHANNEL, "nova:agent:alpha:*")))
                .hasMessageContaining("denied by rule watcher#1");
    }

    @Test
    void checkPattern_exactPatternIsOneName() {
        assertThatThrownBy(() -> guard("watcher").checkPattern(Action.CHANNEL_SUBSCRIBE,
                NAMING.pattern(NameKind.CHANNEL, "nova:agent:alpha:private")))
                .hasMessage("principal 'svc-a' (role(s) watcher) lacks action 'channel.subscribe' on every name"
                        + " matching 'nova:agent:alpha:private'; denied by rule watcher#1");
    }

    @Test
    void check_outsideTheNamespaceEvenForAdmin() {
        ResourceName foreign = NamingPolicy.builder().namespace("billing").build().stream("billing:task:a:b");
        AccessGuard admin = policy.guardFor(Principal.localAdmin());
        assertThat(admin.permits(Action.STREAM_READ, foreign)).isFalse();
        assertThatThrownBy(() -> admin.check(Action.STREAM_READ, foreign))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("principal 'local' (role(s) admin) lacks action 'stream.read' on 'billing:task:a:b'; it is"
                        + " outside the namespace 'nova'");
        assertThat(log.lines).singleElement().asString().contains("rule=outside-namespace");
    }

    @Test
    void check_legacyNameIsAuthorizedInItsAdaptForm() {
        NamingPolicy legacy = NamingPolicy.builder().legacyNames(true).build();
        ResourceName name = legacy.stream("task.router.direct");
        assertThat(guard("task_write").permits(Action.STREAM_PUBLISH, name)).isTrue();
        assertThat(guard("agent_write").permits(Action.STREAM_PUBLISH, name)).isFalse();
    }

    @Test
    void check_actionAndResourceKindMismatch() {
        assertThatThrownBy(() -> guard("admin").check(Action.KEY_GET, NAMING.stream("nova:task:a:b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("action 'key.get' applies to key names, but 'nova:task:a:b' is a stream name");
        assertThat(guard("admin").permits(Action.KEY_GET, NAMING.stream("nova:task:a:b"))).isFalse();
    }

    @Test
    void checkActor_ownSubjectIsAllowedWithoutAudit() {
        ResourceName lock = NAMING.key("nova:task:a:lock:x");
        assertThatCode(() -> guard("task_write").checkActor("svc-a", Action.KEY_SET, lock))
                .doesNotThrowAnyException();
        assertThat(log.lines).isEmpty();
    }

    @Test
    void checkActor_anotherSubject_isDeniedAndAudited() {
        ResourceName tasks = NAMING.stream("nova:task:a:tasks");
        assertThatThrownBy(() -> guard("task_write").checkActor("bob", Action.GROUP_CLAIM, tasks))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("principal 'svc-a' (role(s) task_write) may act only as itself, not as 'bob' (action"
                        + " 'group.claim' on 'nova:task:a:tasks'); only admin acts for others");
        assertThat(log.lines).singleElement().asString().contains("principal=svc-a", "action=group.claim",
                "resource=nova:task:a:tasks", "rule=" + io.redstream.auth.internal.PolicyGuard.ACTOR_RULE);
        assertThat(policy.audit().denials()).isEqualTo(1);
    }

    @Test
    void checkActor_adminMayActForAnyone() {
        assertThatCode(() -> guard("admin").checkActor("bob", Action.KEY_SET, NAMING.key("nova:agent:bob:presence")))
                .doesNotThrowAnyException();
        assertThatCode(() -> policy.guardFor(Principal.localAdmin()).checkActor("bob", Action.KEY_SET,
                NAMING.key("nova:agent:bob:presence"))).doesNotThrowAnyException();
        assertThat(log.lines).isEmpty();
    }

    @Test
    void checkActor_aHostileActorNameCannotForgeLogLines() {
        assertThatThrownBy(() -> guard("task_write").checkActor("bob\nprincipal=admin", Action.KEY_SET,
                NAMING.key("nova:task:a:lock:x"))).hasMessageContaining("not as 'bob?principal=admin'");
    }

    @Test
    void permits_doesNotAudit() {
        assertThat(guard("task_read").permits(Action.STREAM_PUBLISH, NAMING.stream("nova:task:a:b"))).isFalse();
        assertThat(log.lines).isEmpty();
        assertThat(policy.audit().denials()).isZero();
    }

    @Test
    void check_nullArguments() {
        assertThatThrownBy(() -> guard().check(null, NAMING.stream("nova:task:a:b")))
                .isInstanceOf(NullPointerException.class).hasMessage("action");
        assertThatThrownBy(() -> guard().check(Action.STREAM_READ, null))
                .isInstanceOf(NullPointerException.class).hasMessage("resource");
    }

    @Test
    void guardFor_sameRoleSetSharesCompiledRules() {
        AccessGuard a = guard("task_read", "agent_read");
        AccessGuard b = policy.guardFor(new Principal("other", Set.of("agent_read", "task_read"),
                new AuthMethod.ApiKey("abcdefghijkl")));
        assertThat(a.permits(Action.GROUP_ACK, NAMING.stream("nova:agent:a:b")))
                .isEqualTo(b.permits(Action.GROUP_ACK, NAMING.stream("nova:agent:a:b"))).isTrue();
        assertThat(b.toString()).contains("other", "api_key(id=abcdefghijkl)");
    }

    @Test
    void principal_rejectsBadRolesAndSubjects() {
        assertThatThrownBy(() -> new Principal("s", Set.of("bad role"), new AuthMethod.Local()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("every role must match [A-Za-z0-9_.-]{1,64}, but was 'bad role'");
        assertThatThrownBy(() -> new Principal("", Set.of(), new AuthMethod.Local()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subject is missing or empty");
        assertThat(new Principal("s", Set.of("b", "a"),
                new AuthMethod.Jwt("k", "i")).toString())
                .isEqualTo("Principal[subject=s, roles=[a, b], auth=jwt(kid=k, iss=i)]");
    }
}
