package io.redstream.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redstream.core.AccessDeniedException;
import io.redstream.core.InvalidNameException;
import io.redstream.core.access.AccessGuard;
import io.redstream.core.access.Action;
import io.redstream.core.naming.NameKind;
import io.redstream.core.naming.NamePattern;
import io.redstream.core.naming.NamingPolicy;
import io.redstream.core.naming.ResourceName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the policy engine over generated policies and names: it agrees with a naive reference
 * implementation, deny always wins, no name outside the namespace is ever reachable, and an allowed pattern only
 * matches allowed names.
 */
class PolicyProperties {
    private static final NamingPolicy NAMING = NamingPolicy.defaults();
    private static final List<String> ACTION_PATTERNS = List.of("*", "key.*", "key.get", "key.set", "key.scan",
            "channel.*", "channel.subscribe", "channel.publish", "stream.*", "group.*");
    private static final List<Action> KEY_AND_CHANNEL_ACTIONS = List.of(Action.KEY_GET, Action.KEY_SET,
            Action.KEY_SCAN, Action.KEY_DELETE, Action.KEY_EXPIRE, Action.CHANNEL_SUBSCRIBE, Action.CHANNEL_PUBLISH);
    private static final DenialAudit QUIET = DenialAudit.builder().logger(new CapturingLogger()).build();

    /** Generated roles: name to rules, over a small alphabet so that rules and names often meet. */
    record Roles(Map<String, List<PolicyRule>> roles) {
        Policy policy(boolean builtIns) {
            Policy.Builder b = Policy.builder().builtInRoles(builtIns).audit(QUIET);
            roles.forEach(b::role);
            return b.build();
        }

        Set<String> names() {
            return roles.keySet();
        }
    }

    @Provide
    Arbitrary<Roles> roles() {
        Arbitrary<String> segment = Arbitraries.of("a", "b", "*");
        Arbitrary<String> resource = Combinators.combine(
                Arbitraries.of("task", "agent", "*"),
                segment.list().ofMinSize(0).ofMaxSize(3),
                Arbitraries.of(true, false))
                .as((domain, rest, tail) -> {
                    List<String> parts = new ArrayList<>(List.of("nova", domain));
                    parts.addAll(rest);
                    if (tail) {
                        parts.add(">");
                    }
                    return String.join(":", parts);
                });
        Arbitrary<PolicyRule> rule = Combinators.combine(
                Arbitraries.of(PolicyRule.Effect.values()),
                Arbitraries.of(ACTION_PATTERNS).list().ofMinSize(1).ofMaxSize(2),
                resource.list().ofMinSize(1).ofMaxSize(2))
                .as(PolicyRule::new);
        return rule.list().ofMaxSize(4).list().ofMinSize(1).ofMaxSize(3).map(lists -> {
            Map<String, List<PolicyRule>> m = new LinkedHashMap<>();
            for (int i = 0; i < lists.size(); i++) {
                m.put("r" + i, lists.get(i));
            }
            return new Roles(m);
        });
    }

    @Provide
    Arbitrary<ResourceName> names() {
        return Combinators.combine(
                Arbitraries.of("task", "agent"),
                Arbitraries.of("a", "b", "c").list().ofMinSize(2).ofMaxSize(4),
                Arbitraries.of(NameKind.KEY, NameKind.CHANNEL))
                .as((domain, rest, kind) -> NAMING.parse(kind, "nova:" + domain + ":" + String.join(":", rest)));
    }

    @Provide
    Arbitrary<Action> actions() {
        return Arbitraries.of(KEY_AND_CHANNEL_ACTIONS);
    }

    private static Action forKind(Action action, ResourceName name) {
        // Keep the generated action and name of the same kind.
        if (action.resourceKind() == name.kind()) {
            return action;
        }
        return name.kind() == NameKind.KEY ? Action.KEY_GET : Action.CHANNEL_SUBSCRIBE;
    }

    @Property(tries = 500)
    void decide_agreesWithTheReference(@ForAll("roles") Roles roles, @ForAll("names") ResourceName name,
            @ForAll("actions") Action generated) {
        Action action = forKind(generated, name);
        Policy policy = roles.policy(false);
        AccessGuard guard = policy.guardFor(new Principal("p", roles.names(), new AuthMethod.Local()));
        assertThat(guard.permits(action, name)).isEqualTo(Reference.permits(roles.roles(), action, name));
    }

    @Property(tries = 500)
    void deny_alwaysWins(@ForAll("roles") Roles roles, @ForAll("names") ResourceName name,
            @ForAll("actions") Action generated) {
        Action action = forKind(generated, name);
        Map<String, List<PolicyRule>> withDeny = new LinkedHashMap<>(roles.roles());
        withDeny.put("blocker", List.of(PolicyRule.deny(List.of(action.id()), List.of(name.canonical()))));
        Roles blocked = new Roles(withDeny);
        Set<String> held = new java.util.HashSet<>(blocked.names());
        held.add("admin");
        AccessGuard guard = blocked.policy(true).guardFor(new Principal("p", held, new AuthMethod.Local()));
        assertThat(guard.permits(action, name)).isFalse();
        assertThatThrownBy(() -> guard.check(action, name))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("denied by rule blocker#0");
    }

    @Property(tries = 300)
    void noName_escapesTheNamespace(@ForAll("roles") Roles roles,
            @ForAll("foreignNames") ResourceName foreign, @ForAll("actions") Action generated) {
        Action action = forKind(generated, foreign);
        Set<String> held = new java.util.HashSet<>(roles.names());
        held.addAll(Set.of("admin", "task_read", "task_write", "agent_read", "agent_write"));
        AccessGuard guard = roles.policy(true).guardFor(new Principal("p", held, new AuthMethod.Local()));
        assertThat(guard.permits(action, foreign)).isFalse();
        assertThatThrownBy(() -> guard.check(action, foreign))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("outside the namespace 'nova'");
    }

    @Provide
    Arbitrary<ResourceName> foreignNames() {
        return Combinators.combine(
                Arbitraries.of("other", "nova2", "NOVA", "nov", "novax", "x"),
                Arbitraries.of("task", "agent"),
                Arbitraries.of("a", "b").list().ofMinSize(2).ofMaxSize(3),
                Arbitraries.of(NameKind.KEY, NameKind.CHANNEL))
                .as((ns, domain, rest, kind) -> NamingPolicy.builder().namespace(ns).build()
                        .parse(kind, ns + ":" + domain + ":" + String.join(":", rest)));
    }

    @Property(tries = 300)
    void resourcePattern_outsideTheNamespaceIsRefused(
            @ForAll("foreignResourcePatterns") String resource) {
        assertThatThrownBy(() -> Policy.builder()
                .role("r", List.of(PolicyRule.allow(List.of("*"), List.of(resource)))).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("role 'r' rule #0");
    }

    @Provide
    Arbitrary<String> foreignResourcePatterns() {
        return Combinators.combine(
                Arbitraries.of("*", ">", "other", "nova2", "", "NOVA", "nova*"),
                Arbitraries.of("task", "*", ">").list().ofMaxSize(3))
                .as((first, rest) -> rest.isEmpty() ? first : first + ":" + String.join(":", rest));
    }

    @Property(tries = 1000)
    void allowedPattern_matchesOnlyAllowedNames(@ForAll("roles") Roles roles, @ForAll("globs") String glob,
            @ForAll("fillers") List<String> fillers, @ForAll boolean withReaders) {
        // Instantiate the glob: each '*' becomes a filler, which may itself span several segments. Only unusable
        // inputs (an invalid glob or name) are discarded.
        StringBuilder text = new StringBuilder();
        int f = 0;
        for (char c : glob.toCharArray()) {
            text.append(c == '*' ? fillers.get(f++ % fillers.size()) : String.valueOf(c));
        }
        NamePattern pattern;
        ResourceName name;
        try {
            pattern = NAMING.pattern(NameKind.CHANNEL, glob);
            name = NAMING.channel(text.toString());
        } catch (InvalidNameException e) {
            Assume.that(false);
            return;
        }
        assertThat(pattern.matches(name.redisName())).isTrue();
        // The built-in readers make many patterns allowed (so the generated denies get tested); without them the
        // generated allows must do it alone.
        Set<String> held = new java.util.HashSet<>(roles.names());
        if (withReaders) {
            held.addAll(Set.of("task_read", "agent_read"));
        }
        AccessGuard guard = roles.policy(true).guardFor(new Principal("p", held, new AuthMethod.Local()));
        try {
            guard.checkPattern(Action.CHANNEL_SUBSCRIBE, pattern);
        } catch (AccessDeniedException e) {
            return; // only an allowed pattern promises anything about its names
        }
        assertThat(guard.permits(Action.CHANNEL_SUBSCRIBE, name))
                .as("pattern %s was allowed, so %s must be", glob, name).isTrue();
    }

    @Provide
    Arbitrary<String> globs() {
        return Combinators.combine(
                Arbitraries.of("task", "agent", "*", "*", "ta*"),
                Arbitraries.of("a", "b", "*", "a*", "*b").list().ofMinSize(0).ofMaxSize(3))
                .as((domain, rest) -> "nova:" + domain + (rest.isEmpty() ? "" : ":" + String.join(":", rest)));
    }

    @Provide
    Arbitrary<List<String>> fillers() {
        return Arbitraries.of("a", "x", "a:b", "b:a:x", "task:a:b", "memory:a:b", "user:b:a", "agent:a:a:b", "ab")
                .list().ofMinSize(1).ofMaxSize(4);
    }

    /** The policy semantics written as plainly as possible: regexes and loops, no indexing or precomputation. */
    static final class Reference {
        static boolean permits(Map<String, List<PolicyRule>> roles, Action action, ResourceName name) {
            String text = name.canonical();
            if (!name.namespace().equals("nova")) {
                return false;
            }
            boolean allowed = false;
            for (List<PolicyRule> rules : roles.values()) {
                for (PolicyRule rule : rules) {
                    boolean actionMatches = rule.actions().stream().anyMatch(p -> actionMatches(p, action));
                    boolean resourceMatches = rule.resources().stream().anyMatch(r -> text.matches(regex(r)));
                    if (actionMatches && resourceMatches) {
                        if (rule.effect() == PolicyRule.Effect.DENY) {
                            return false;
                        }
                        allowed = true;
                    }
                }
            }
            return allowed;
        }

        static boolean actionMatches(String pattern, Action action) {
            if (pattern.equals("*")) {
                return true;
            }
            if (pattern.endsWith(".*")) {
                return action.id().startsWith(pattern.substring(0, pattern.length() - 1));
            }
            return action.id().equals(pattern);
        }

        static String regex(String resource) {
            List<String> out = new ArrayList<>();
            for (String seg : resource.split(":")) {
                out.add(switch (seg) {
                    case "*" -> "[^:]+";
                    case ">" -> "[^:]+(?::[^:]+)*";
                    default -> java.util.regex.Pattern.quote(seg);
                });
            }
            return String.join(":", out);
        }
    }
}
