package io.redstream.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redstream.core.AccessDeniedException;
import io.redstream.core.access.AccessGuard;
import io.redstream.core.access.Action;
import io.redstream.core.naming.NamingPolicy;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTest {
    private static final NamingPolicy NAMING = NamingPolicy.defaults();
    private static final String PLANNER = """
            roles:
              planner:
                - effect: allow
                  actions: [stream.publish, stream.read, "group.*"]
                  resources: ["nova:task:*:*"]
                - effect: deny
                  actions: ["*"]
                  resources: ["nova:task:secret:>"]
              auditor:
                - effect: allow
                  description: read everything in the namespace
                  actions: ["stream.*", "key.get"]
                  resources: ["nova:>"]
            """;

    private final CapturingLogger log = new CapturingLogger();
    private final Policy policy = Policy.builder().policyYaml(PLANNER)
            .audit(DenialAudit.builder().logger(log).build()).build();

    private AccessGuard guard(String... roles) {
        return policy.guardFor(new Principal("svc-a", Set.of(roles), new AuthMethod.Local()));
    }

    @Test
    void policyFile_allowRuleWithSegmentWildcards() {
        AccessGuard planner = guard("planner");
        assertThat(planner.permits(Action.STREAM_PUBLISH, NAMING.stream("nova:task:boomerang:tasks"))).isTrue();
        assertThat(planner.permits(Action.GROUP_DESTROY, NAMING.stream("nova:task:boomerang:tasks"))).isTrue();
        assertThat(planner.permits(Action.STREAM_INFO, NAMING.stream("nova:task:boomerang:tasks"))).isFalse();
        // '*' is exactly one segment: a 5-segment dead-letter stream is not covered by nova:task:*:*.
        assertThat(planner.permits(Action.STREAM_READ, NAMING.stream("nova:task:boomerang:tasks:dlq"))).isFalse();
        assertThat(planner.permits(Action.STREAM_READ, NAMING.stream("nova:agent:boomerang:tasks"))).isFalse();
    }

    @Test
    void policyFile_denyWinsWithinARole() {
        assertThatThrownBy(() -> guard("planner").check(Action.STREAM_PUBLISH, NAMING.stream("nova:task:secret:x")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("principal 'svc-a' (role(s) planner) lacks action 'stream.publish' on"
                        + " 'nova:task:secret:x'; denied by rule planner#1");
    }

    @Test
    void policyFile_denyWinsAcrossRoles() {
        // auditor allows stream.read on everything, planner denies nova:task:secret:>; together: denied.
        AccessGuard both = guard("auditor", "planner");
        assertThat(both.permits(Action.STREAM_READ, NAMING.stream("nova:task:secret:x"))).isFalse();
        assertThat(both.permits(Action.STREAM_READ, NAMING.stream("nova:agent:a:b"))).isTrue();
        assertThatThrownBy(() -> both.check(Action.STREAM_READ, NAMING.stream("nova:task:secret:x")))
                .hasMessageContaining("(role(s) auditor, planner)")
                .hasMessageContaining("denied by rule planner#1");
    }

    @Test
    void policyFile_denyWinsOverBuiltInAdmin() {
        assertThat(guard("admin", "planner").permits(Action.KEY_GET, NAMING.key("nova:task:secret:a:b"))).isFalse();
        assertThat(guard("admin").permits(Action.KEY_GET, NAMING.key("nova:task:secret:a:b"))).isTrue();
    }

    @Test
    void policyFile_tailWildcardNeedsAtLeastOneSegment() {
        Policy p = Policy.builder().policyYaml("""
                roles:
                  r:
                    - effect: allow
                      actions: [key.get]
                      resources: ["nova:agent:alpha:>"]
                """).build();
        AccessGuard g = p.guardFor(new Principal("s", Set.of("r"), new AuthMethod.Local()));
        assertThat(g.permits(Action.KEY_GET, NAMING.key("nova:agent:alpha:session"))).isTrue();
        assertThat(g.permits(Action.KEY_GET, NAMING.key("nova:agent:alpha:session:42:x"))).isTrue();
        assertThat(g.permits(Action.KEY_GET, NAMING.key("nova:agent:beta:session"))).isFalse();
    }

    @Test
    void guard_defaultDeny() {
        AccessGuard nobody = guard();
        assertThatThrownBy(() -> nobody.check(Action.KEY_GET, NAMING.key("nova:task:a:b")))
                .hasMessage("principal 'svc-a' (no roles) lacks action 'key.get' on 'nova:task:a:b'");
        assertThat(guard("unknown_role").permits(Action.KEY_GET, NAMING.key("nova:task:a:b"))).isFalse();
    }

    @Test
    void policyFile_roleReplacesBuiltIn() {
        Policy p = Policy.builder().policyYaml("""
                roles:
                  admin:
                    - effect: allow
                      actions: ["stream.*"]
                      resources: ["nova:>"]
                """).build();
        AccessGuard admin = p.guardFor(Principal.localAdmin());
        assertThat(admin.permits(Action.STREAM_PUBLISH, NAMING.stream("nova:task:a:b"))).isTrue();
        assertThat(admin.permits(Action.KEY_SET, NAMING.key("nova:task:a:b"))).isFalse();
        assertThat(p.rulesOf("admin")).hasSize(1);
        assertThat(p.rulesOf("task_read")).hasSize(1);
    }

    @Test
    void builder_builtInRolesOff() {
        Policy p = Policy.builder().builtInRoles(false).build();
        assertThat(p.roleNames()).isEmpty();
        assertThat(p.guardFor(Principal.localAdmin()).permits(Action.KEY_GET, NAMING.key("nova:task:a:b"))).isFalse();
    }

    @Test
    void builder_builtInRolesFollowTheNamingPolicy() {
        NamingPolicy custom = NamingPolicy.builder().namespace("acme").domains(List.of("billing")).build();
        Policy p = Policy.builder().naming(custom).build();
        assertThat(p.roleNames()).containsExactly("billing_read", "billing_write", "admin");
        AccessGuard g = p.guardFor(new Principal("s", Set.of("billing_write"), new AuthMethod.Local()));
        assertThat(g.permits(Action.STREAM_PUBLISH, custom.stream("acme:billing:a:b"))).isTrue();
    }

    @Test
    void builder_programmaticRole() {
        Policy p = Policy.builder().role("reader", List.of(PolicyRule.allow(List.of("key.get"),
                List.of("nova:memory:>")))).build();
        AccessGuard g = p.guardFor(new Principal("s", Set.of("reader"), new AuthMethod.Local()));
        assertThat(g.permits(Action.KEY_GET, NAMING.key("nova:memory:a:b"))).isTrue();
    }

    @Test
    void policyFile_loadedFromPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, PLANNER);
        Policy p = Policy.builder().policyFile(file).build();
        assertThat(p.roleNames()).contains("planner", "auditor", "task_read", "admin");
        assertThat(p.rulesOf("planner").get(1)).isEqualTo(PolicyRule.deny(List.of("*"),
                List.of("nova:task:secret:>")));
    }

    @Test
    void policyFile_missing(@TempDir Path dir) {
        assertThatThrownBy(() -> Policy.builder().policyFile(dir.resolve("nope.yaml")).build())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("nope.yaml cannot be read");
    }

    private static void assertRejected(String yaml, String message) {
        assertThatThrownBy(() -> Policy.builder().policyYaml(yaml).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    private static String rule(String actions, String resources) {
        return "roles:\n  planner:\n    - effect: allow\n      actions: [stream.read]\n      resources: [\"nova:>\"]\n"
                + "    - effect: allow\n      actions: " + actions + "\n      resources: " + resources + "\n";
    }

    @Test
    void policyFile_unknownAction() {
        assertRejected(rule("[stream.pubish]", "[\"nova:>\"]"),
                "role 'planner' rule #1: unknown action 'stream.pubish'; known actions are [stream.publish,");
        assertRejected(rule("[\"foo.*\"]", "[\"nova:>\"]"),
                "role 'planner' rule #1: action pattern 'foo.*' matches no action");
        assertRejected(rule("[\"stream*\"]", "[\"nova:>\"]"), "role 'planner' rule #1: unknown action 'stream*'");
    }

    @Test
    void policyFile_resourceOutsideNamespace() {
        assertRejected(rule("[key.get]", "[\"other:task:>\"]"), "role 'planner' rule #1: resource pattern"
                + " 'other:task:>' must start with the literal namespace 'nova:'");
        assertRejected(rule("[key.get]", "[\">\"]"), "must start with the literal namespace 'nova:'");
        assertRejected(rule("[key.get]", "[\"*:task:>\"]"), "must start with the literal namespace 'nova:'");
    }

    @Test
    void policyFile_malformedResource() {
        assertRejected(rule("[key.get]", "[\"nova:>:x\"]"),
                "role 'planner' rule #1: resource pattern 'nova:>:x' may use '>' only as its last segment");
        assertRejected(rule("[key.get]", "[\"nova:ta*:>\"]"),
                "resource pattern 'nova:ta*:>' has segment 'ta*'; every segment must be '*', '>' or match");
        assertRejected(rule("[key.get]", "[\"nova:tsak:>\"]"), "resource pattern 'nova:tsak:>' names domain 'tsak',"
                + " which is not one of [agent, broadcast, devops, memory, system, task, user]");
        assertRejected(rule("[key.get]", "[\"nova::x\"]"), "has segment ''");
        assertRejected(rule("[key.get]", "[\"nova\"]"), "must have at least 2 segments");
    }

    @Test
    void policyFile_shapeErrors() {
        assertRejected("", "is empty; expected a top-level 'roles:' mapping");
        assertRejected("roles: [a]", "'roles' must be a mapping");
        assertRejected("rolez: {}", "unknown top-level key 'rolez'");
        assertRejected("roles:\n  r: x\n", "role 'r' must be a list of rules");
        assertRejected("roles:\n  r:\n    - effect: allow\n      actions: [key.get]\n      resources: [\"nova:>\"]\n"
                + "      resource: [\"nova:>\"]\n", "role 'r' rule #0: unknown key 'resource'");
        assertRejected("roles:\n  r:\n    - effect: permit\n      actions: [key.get]\n      resources: [\"nova:>\"]\n",
                "role 'r' rule #0: effect must be allow or deny, but was 'permit'");
        assertRejected("roles:\n  r:\n    - effect: allow\n      resources: [\"nova:>\"]\n",
                "role 'r' rule #0: 'actions' is required and must be a non-empty list of strings");
        assertRejected("roles:\n  r:\n    - effect: allow\n      actions: [1]\n      resources: [\"nova:>\"]\n",
                "role 'r' rule #0: actions[0] must be a string, but was 1");
        assertRejected("roles:\n  r: []\n  r: []\n", "is not valid YAML");
        assertRejected("roles:\n  \"bad role\": []\n", "role name 'bad role' must match");
        assertRejected("roles: {a: [}", "is not valid YAML");
    }

    @Test
    void builder_roleDefinedTwice() {
        assertThatThrownBy(() -> Policy.builder().policyYaml("roles:\n  r: []\n").policyYaml("roles:\n  r: []\n")
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("role 'r' is defined twice: in policy file <yaml #0> and in policy file"
                        + " <yaml #1>");
    }

    @Test
    void rule_rejectsEmptyLists() {
        assertThatThrownBy(() -> PolicyRule.allow(List.of(), List.of("nova:>")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("actions must not be empty");
    }

    @Test
    void guard_deniesAreAudited() {
        assertThatThrownBy(() -> guard("planner").check(Action.KEY_SET, NAMING.key("nova:task:a:b")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(log.lines).singleElement().asString()
                .contains("principal=svc-a", "auth=local", "action=key.set", "resource=nova:task:a:b",
                        "rule=default-deny", "access denied");
        assertThat(policy.audit().denials()).isEqualTo(1);
    }
}
