package io.redstream.auth.internal;

import io.redstream.auth.PolicyRule;
import io.redstream.core.access.AccessLevel;
import io.redstream.core.access.Action;
import io.redstream.core.naming.NamingPolicy;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The roles every policy starts with, from the original protocol: per domain, {@code {domain}_read} (the READ
 * actions) and {@code {domain}_write} (the WRITE actions) on {@code ns:{domain}:>}; and {@code admin}, every
 * action on {@code ns:>}. ADMIN-level actions (destroying a group, moving its id) come only with {@code admin}
 * or a policy rule, because they lose other consumers' progress. Writers do not implicitly read: a publisher
 * that must also consume holds both roles, which keeps write-only producers possible.
 */
public final class BuiltInRoles {
    /** Name of the role allowed every action on every name of the namespace. */
    public static final String ADMIN = "admin";
    /** Suffix of a domain's read role ({@code task_read}). */
    public static final String READ_SUFFIX = "_read";
    /** Suffix of a domain's write role ({@code task_write}). */
    public static final String WRITE_SUFFIX = "_write";

    private BuiltInRoles() {
    }

    /**
     * The built-in roles for the namespace and domains of {@code naming}.
     *
     * @param naming the naming policy the roles are made for
     * @return role name to rules: the read and write role of each domain (domains sorted), then {@code admin}
     */
    public static Map<String, List<PolicyRule>> of(NamingPolicy naming) {
        String ns = naming.namespace();
        List<String> read = idsAt(AccessLevel.READ);
        List<String> write = idsAt(AccessLevel.WRITE);
        Map<String, List<PolicyRule>> roles = new LinkedHashMap<>();
        for (String domain : naming.domains().stream().sorted().toList()) {
            List<String> resources = List.of(ns + ":" + domain + ":>");
            roles.put(domain + READ_SUFFIX, List.of(PolicyRule.allow(read, resources)));
            roles.put(domain + WRITE_SUFFIX, List.of(PolicyRule.allow(write, resources)));
        }
        roles.put(ADMIN, List.of(PolicyRule.allow(List.of("*"), List.of(ns + ":>"))));
        return roles;
    }

    private static List<String> idsAt(AccessLevel level) {
        return Arrays.stream(Action.values()).filter(a -> a.level() == level).map(Action::id).toList();
    }
}
