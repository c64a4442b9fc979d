package io.redstream.auth;

import static java.util.Objects.requireNonNull;

import io.redstream.auth.internal.ActionPatterns;
import io.redstream.auth.internal.BuiltInRoles;
import io.redstream.auth.internal.CompiledRule;
import io.redstream.auth.internal.Identifiers;
import io.redstream.auth.internal.PolicyFileParser;
import io.redstream.auth.internal.PolicyGuard;
import io.redstream.auth.internal.ResourcePattern;
import io.redstream.auth.internal.RuleSet;
import io.redstream.core.RedStream;
import io.redstream.core.access.AccessGuard;
import io.redstream.core.access.Action;
import io.redstream.core.naming.NamingPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may do what: named roles made of allow/deny rules over actions and resource names, and the
 * {@link AccessGuard} that enforces them for one {@link Principal}.
 *
 * <pre>{@code
 * Policy policy = Policy.builder()
 *         .naming(client.naming())                        // the client's namespace and domains
 *         .policyFile(Path.of("policy.yaml"))              // optional extra roles
 *         .build();
 * Principal caller = authenticator.authenticate(credential);
 * RedStream view = policy.secure(client, caller);           // every operation checked for caller
 * }</pre>
 *
 * <p>Decision for an action on a name, over the union of the rules of every role the principal holds:
 * <ol>
 *   <li>a name outside the namespace is denied, whatever the roles;</li>
 *   <li>if any deny rule matches, denied (deny wins);</li>
 *   <li>else if any allow rule matches, allowed;</li>
 *   <li>else denied (default deny).</li>
 * </ol>
 * A pattern (pattern subscription, SCAN) is allowed only when every name it can match is allowed; see
 * {@code docs/security.md} for how that is judged conservatively.
 *
 * <p>The built-in roles ({@code {domain}_read}, {@code {domain}_write} per configured domain, and
 * {@value #ADMIN_ROLE}) are present unless turned off. A role from a policy file or {@link Builder#role} with the
 * same name as a built-in <em>replaces</em> it (logged at INFO), so an operator can narrow {@code admin}. Roles a
 * principal holds but the policy does not define grant nothing.
 *
 * <p>Immutable and thread-safe. Guards are cheap; the rules of each distinct role set are compiled once.
 */
public final class Policy {
    /** Name of the built-in role that may do everything inside the namespace (and nothing outside it). */
    public static final String ADMIN_ROLE = BuiltInRoles.ADMIN;
    /**
     * Suffix of the built-in read role of each domain: {@code task_read} allows every READ-level action on
     * {@code <namespace>:task:>}.
     */
    public static final String READ_ROLE_SUFFIX = BuiltInRoles.READ_SUFFIX;
    /**
     * Suffix of the built-in write role of each domain: {@code task_write} allows every WRITE-level action on
     * {@code <namespace>:task:>}. Writers do not implicitly read: a service that publishes and consumes holds both
     * roles.
     */
    public static final String WRITE_ROLE_SUFFIX = BuiltInRoles.WRITE_SUFFIX;
    /** Policy files larger than this are refused: a policy is hand-written and small. */
    public static final int MAX_POLICY_FILE_BYTES = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(Policy.class);
    private static final int MAX_CACHED_ROLE_SETS = 1024;

    private final NamingPolicy naming;
    private final Map<String, List<PolicyRule>> roles;
    private final Map<String, List<CompiledRule>> compiled;
    private final DenialAudit audit;
    private final Map<Set<String>, RuleSet> ruleSets = new ConcurrentHashMap<>();

    private Policy(NamingPolicy naming, Map<String, List<PolicyRule>> roles, Map<String, List<CompiledRule>> compiled,
            DenialAudit audit) {
        this.naming = naming;
        this.roles = roles;
        this.compiled = compiled;
        this.audit = audit;
    }

    /**
     * A policy with only the built-in roles, for {@link NamingPolicy#defaults()} and {@link DenialAudit#defaults()}.
     *
     * @return the built-in policy; equivalent to {@code builder().build()}
     */
    public static Policy builtIn() {
        return builder().build();
    }

    /**
     * Starts a policy; see {@link Builder} for the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The guard enforcing this policy for {@code principal}; audits its denials with this policy's audit.
     * Thread-safe and cheap: the rules of the principal's role set are compiled at most once per policy.
     *
     * @param principal the caller the guard decides for
     * @return a guard for {@link RedStream#withGuard}, sharing nothing mutable with other guards
     * @throws NullPointerException when {@code principal} is null
     */
    public AccessGuard guardFor(Principal principal) {
        requireNonNull(principal, "principal");
        return new PolicyGuard(principal, ruleSetOf(principal.roles()), audit, naming.namespace());
    }

    /**
     * A view of {@code client} that acts for {@code principal}: every operation of the view is checked against this
     * policy before any Redis command is sent, and a denied one throws
     * {@link io.redstream.core.AccessDeniedException} (naming principal, action and resource) and is audited.
     * Listings ({@code state().scan}, {@code streams().list}) are filtered to what the principal may read instead of
     * failing. {@code docs/security.md} ("Enforcement") lists the action each operation checks.
     *
     * <pre>{@code
     * Principal caller = authenticator.authenticate(credential);
     * RedStream view = policy.secure(client, caller);        // cheap: one per request or session is fine
     * view.publish("nova:task:boomerang:tasks", Map.of("title", "New task"));
     * }</pre>
     *
     * <p><b>Lifecycle.</b> The view owns nothing: it shares the client's connections, pool and threads. Closing the
     * view does nothing; it works as long as {@code client} is open, and closing {@code client} ends it.
     * Subscriptions, batchers and consumers started through the view are the caller's to close.
     *
     * <p><b>Thread-safety.</b> Like the client, the view is thread-safe and may be shared by the threads serving one
     * principal. This method is thread-safe and cheap (a guard and a few small objects; rules are compiled once per
     * role set).
     *
     * <p>If {@code client} is itself a guarded view ({@link RedStream#withGuard}), its guard still applies: an
     * operation must pass both guards, and no later {@code withGuard} on the view can widen it.
     *
     * @param client    the client to act through; must use this policy's namespace
     * @param principal the caller every operation of the view is checked for
     * @return the guarded view of {@code client}
     * @throws IllegalArgumentException {@code client} uses a different namespace than this policy (every name would
     *     be outside the policy's namespace; build the policy with the client's {@link NamingPolicy})
     * @throws NullPointerException     when {@code client} or {@code principal} is null
     */
    public RedStream secure(RedStream client, Principal principal) {
        requireNonNull(client, "client");
        requireNonNull(principal, "principal");
        String clientNamespace = client.naming().namespace();
        if (!clientNamespace.equals(naming.namespace())) {
            throw new IllegalArgumentException("client namespace must equal the policy namespace '"
                    + naming.namespace() + "', but was '" + clientNamespace + "'; build the Policy with the client's"
                    + " NamingPolicy");
        }
        return client.withGuard(guardFor(principal));
    }

    /**
     * Names of every defined role, in definition order (built-ins first).
     *
     * @return an unmodifiable set of role names
     */
    public Set<String> roleNames() {
        return roles.keySet();
    }

    /**
     * The rules of {@code role}, as defined (a replaced built-in shows its replacement).
     *
     * @param role a role name
     * @return the role's rules in definition order, unmodifiable; empty when the role is not defined
     * @throws NullPointerException when {@code role} is null
     */
    public List<PolicyRule> rulesOf(String role) {
        return roles.getOrDefault(requireNonNull(role, "role"), List.of());
    }

    /**
     * The naming policy (namespace and domains) the rules were validated against.
     *
     * @return the naming policy given to {@link Builder#naming}, or {@link NamingPolicy#defaults()}
     */
    public NamingPolicy naming() {
        return naming;
    }

    /**
     * Where the guards of this policy record their denials.
     *
     * @return the audit given to {@link Builder#audit}, or one built by {@link DenialAudit#defaults()}
     */
    public DenialAudit audit() {
        return audit;
    }

    private RuleSet ruleSetOf(Set<String> roleSet) {
        RuleSet cached = ruleSets.get(roleSet);
        if (cached != null) {
            return cached;
        }
        List<CompiledRule> rules = new ArrayList<>();
        for (String role : roleSet) {
            rules.addAll(compiled.getOrDefault(role, List.of()));
        }
        RuleSet built = new RuleSet(naming.namespace(), rules);
        // Role sets come from credentials; the bound keeps a flood of distinct sets from growing memory.
        if (ruleSets.size() < MAX_CACHED_ROLE_SETS) {
            ruleSets.putIfAbsent(Set.copyOf(roleSet), built);
        }
        return built;
    }

    @Override
    public String toString() {
        return "Policy[namespace=" + naming.namespace() + ", roles=" + roles.keySet() + "]";
    }

    /**
     * Builder; not thread-safe. Defaults: {@link NamingPolicy#defaults()}, built-in roles on, no policy file,
     * {@link DenialAudit#defaults()}.
     */
    public static final class Builder {
        private NamingPolicy naming = NamingPolicy.defaults();
        private boolean builtInRoles = true;
        private final List<Path> files = new ArrayList<>();
        private final List<String> yamls = new ArrayList<>();
        private final Map<String, List<PolicyRule>> extraRoles = new LinkedHashMap<>();
        private DenialAudit audit;

        private Builder() {
        }

        /**
         * Namespace and domains the rules are validated against and the built-in roles are made for. Default
         * {@link NamingPolicy#defaults()}. Use the naming policy of the client the policy will {@link #secure}.
         *
         * @param naming the naming policy
         * @return this builder
         */
        public Builder naming(NamingPolicy naming) {
            this.naming = requireNonNull(naming, "naming");
            return this;
        }

        /**
         * Whether the built-in roles are defined. Default on; turn off to have only the roles of policy files and
         * {@link #role}.
         *
         * @param builtInRoles {@code false} to leave the built-in roles out
         * @return this builder
         */
        public Builder builtInRoles(boolean builtInRoles) {
            this.builtInRoles = builtInRoles;
            return this;
        }

        /**
         * Adds the roles of a YAML policy file, read and validated in {@link #build()} (at most
         * {@value Policy#MAX_POLICY_FILE_BYTES} bytes). Default none; may be called several times, but a role may be
         * defined only once over all sources.
         *
         * @param file the policy file
         * @return this builder
         */
        public Builder policyFile(Path file) {
            files.add(requireNonNull(file, "file"));
            return this;
        }

        /**
         * Adds the roles of YAML policy text (same format as a policy file), validated in {@link #build()}. Default
         * none.
         *
         * @param yaml the policy text
         * @return this builder
         */
        public Builder policyYaml(String yaml) {
            yamls.add(requireNonNull(yaml, "yaml"));
            return this;
        }

        /**
         * Defines (or replaces a built-in) role in code. The rules are validated in {@link #build()}.
         *
         * @param name  the role name ({@code [A-Za-z0-9_.-]{1,64}})
         * @param rules the role's rules, copied
         * @return this builder
         * @throws IllegalArgumentException when this builder already defines {@code name}
         */
        public Builder role(String name, List<PolicyRule> rules) {
            requireNonNull(name, "name");
            requireNonNull(rules, "rules");
            if (extraRoles.containsKey(name)) {
                throw new IllegalArgumentException("role '" + name + "' is already defined in this builder");
            }
            extraRoles.put(name, List.copyOf(rules));
            return this;
        }

        /**
         * Where denials are audited. Default {@link DenialAudit#defaults()}.
         *
         * @param audit the audit every guard of the policy records denials with
         * @return this builder
         */
        public Builder audit(DenialAudit audit) {
            this.audit = requireNonNull(audit, "audit");
            return this;
        }

        /**
         * Reads the policy files and validates every rule.
         *
         * @return the policy; later changes to this builder do not affect it
         * @throws IllegalArgumentException naming the source, role, rule index and value of the first bad rule, or a
         *                                  role defined in two sources
         * @throws UncheckedIOException     when a policy file cannot be read
         */
        public Policy build() {
            Map<String, List<PolicyRule>> defined = new LinkedHashMap<>();
            Map<String, String> origin = new LinkedHashMap<>();
            for (Path file : files) {
                add(defined, origin, PolicyFileParser.parse(read(file), file.toString()), "policy file " + file);
            }
            for (int i = 0; i < yamls.size(); i++) {
                String source = "<yaml #" + i + ">";
                add(defined, origin, PolicyFileParser.parse(yamls.get(i), source), "policy file " + source);
            }
            add(defined, origin, extraRoles, "policy");

            Map<String, List<PolicyRule>> all = new LinkedHashMap<>();
            if (builtInRoles) {
                all.putAll(BuiltInRoles.of(naming));
            }
            for (Map.Entry<String, List<PolicyRule>> e : defined.entrySet()) {
                if (all.containsKey(e.getKey())) {
                    LOG.info("{} role '{}' replaces the built-in role of that name", origin.get(e.getKey()),
                            e.getKey());
                }
                all.put(e.getKey(), e.getValue());
            }
            Map<String, List<CompiledRule>> compiled = new LinkedHashMap<>();
            for (Map.Entry<String, List<PolicyRule>> e : all.entrySet()) {
                String where = origin.getOrDefault(e.getKey(), "built-in policy") + ": role '" + e.getKey() + "'";
                compiled.put(e.getKey(), compile(where, e.getKey(), e.getValue()));
            }
            return new Policy(naming, Collections.unmodifiableMap(all), Map.copyOf(compiled),
                    audit != null ? audit : DenialAudit.defaults());
        }

        private static void add(Map<String, List<PolicyRule>> defined, Map<String, String> origin,
                Map<String, List<PolicyRule>> roles, String source) {
            for (Map.Entry<String, List<PolicyRule>> e : roles.entrySet()) {
                String previous = origin.putIfAbsent(e.getKey(), source);
                if (previous != null) {
                    throw new IllegalArgumentException("role '" + e.getKey() + "' is defined twice: in " + previous
                            + " and in " + source);
                }
                defined.put(e.getKey(), e.getValue());
            }
        }

        private List<CompiledRule> compile(String where, String role, List<PolicyRule> rules) {
            if (!Identifiers.isRole(role)) {
                throw new IllegalArgumentException(where + ": role name must match "
                        + Identifiers.ROLE.pattern());
            }
            List<CompiledRule> out = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                PolicyRule rule = requireNonNull(rules.get(i), "rule");
                String at = where + " rule #" + i + ": ";
                Set<Action> actions = EnumSet.noneOf(Action.class);
                for (String a : rule.actions()) {
                    try {
                        actions.addAll(ActionPatterns.resolve(a));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(at + e.getMessage(), e);
                    }
                }
                List<ResourcePattern> resources = new ArrayList<>();
                for (String r : rule.resources()) {
                    try {
                        resources.add(ResourcePattern.parse(r, naming));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(at + e.getMessage(), e);
                    }
                }
                out.add(new CompiledRule(role + "#" + i, rule.effect() == PolicyRule.Effect.DENY, actions,
                        resources));
            }
            return List.copyOf(out);
        }

        private static String read(Path file) {
            try {
                long size = Files.size(file);
                if (size > MAX_POLICY_FILE_BYTES) {
                    throw new IllegalArgumentException("policy file " + file + " must be at most "
                            + MAX_POLICY_FILE_BYTES + " bytes, but has " + size);
                }
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("policy file " + file + " cannot be read: " + e, e);
            }
        }
    }
}
