package io.redstream.auth.internal;

import static java.util.Objects.requireNonNull;

import io.redstream.auth.DenialAudit;
import io.redstream.auth.Principal;
import io.redstream.core.AccessDeniedException;
import io.redstream.core.access.AccessGuard;
import io.redstream.core.access.Action;
import io.redstream.core.naming.NamePattern;
import io.redstream.core.naming.NameKind;
import io.redstream.core.naming.ResourceName;

/**
 * The {@link AccessGuard} of one principal under one policy. Denials by {@link #check}, {@link #checkActor} and
 * {@link #checkPattern} are audited and thrown as {@link AccessDeniedException}; {@link #permits} only answers,
 * because it filters listings and a name a caller may not see is not an attempted access.
 *
 * <p>Immutable and thread-safe; an allowed check allocates nothing.
 */
public final class PolicyGuard implements AccessGuard {
    /** The rule named in the audit event of a denied {@link #checkActor}. */
    public static final String ACTOR_RULE = "actor-is-not-subject";

    private final Principal principal;
    private final RuleSet rules;
    private final DenialAudit audit;
    private final String namespace;

    /**
     * A guard for {@code principal}; built by {@link io.redstream.auth.Policy#guardFor}.
     *
     * @param principal who the guard decides for
     * @param rules     the compiled rules of the principal's roles
     * @param audit     where denials are recorded
     * @param namespace the policy's namespace, named in outside-namespace denials
     */
    public PolicyGuard(Principal principal, RuleSet rules, DenialAudit audit, String namespace) {
        this.principal = requireNonNull(principal, "principal");
        this.rules = requireNonNull(rules, "rules");
        this.audit = requireNonNull(audit, "audit");
        this.namespace = requireNonNull(namespace, "namespace");
    }

    @Override
    public void check(Action action, ResourceName resource) {
        requireNonNull(action, "action");
        requireNonNull(resource, "resource");
        checkKind(action, resource.kind(), resource.redisName());
        Verdict v = rules.decide(action, resource.segments());
        if (!v.allowed()) {
            throw deny(action, resource.redisName(), "'" + resource.redisName() + "'", v, "");
        }
    }

    @Override
    public void checkPattern(Action action, NamePattern pattern) {
        requireNonNull(action, "action");
        requireNonNull(pattern, "pattern");
        checkKind(action, pattern.kind(), pattern.redisPattern());
        Verdict v = rules.decidePattern(action, pattern);
        if (!v.allowed()) {
            String hint = pattern.isExact() ? ""
                    : "; a pattern is allowed only when every name it can match is allowed";
            throw deny(action, pattern.redisPattern(), "every name matching '" + pattern.redisPattern() + "'", v,
                    hint);
        }
    }

    @Override
    public boolean permits(Action action, ResourceName resource) {
        requireNonNull(action, "action");
        requireNonNull(resource, "resource");
        return action.resourceKind() == resource.kind() && rules.decide(action, resource.segments()).allowed();
    }

    /**
     * Only the principal's own subject, unless it holds {@code admin}: agents act for themselves, an admin may act
     * for any of them (a coordinator releasing a dead agent's lock). A denial is audited with the rule
     * {@value #ACTOR_RULE}.
     */
    @Override
    public void checkActor(String actor, Action action, ResourceName resource) {
        requireNonNull(actor, "actor");
        requireNonNull(action, "action");
        requireNonNull(resource, "resource");
        if (actor.equals(principal.subject()) || principal.hasRole(BuiltInRoles.ADMIN)) {
            return;
        }
        audit.record(principal, action, resource.redisName(), ACTOR_RULE);
        throw new AccessDeniedException(who() + " may act only as itself, not as '" + Identifiers.printable(actor)
                + "' (action '" + action.id() + "' on '" + resource.redisName() + "'); only admin acts for others");
    }

    /**
     * The principal this guard decides for.
     *
     * @return the principal given at construction
     */
    public Principal principal() {
        return principal;
    }

    private AccessDeniedException deny(Action action, String resource, String target, Verdict v, String hint) {
        audit.record(principal, action, resource, v.rule());
        String reason;
        if (v == Verdict.OUTSIDE_NAMESPACE) {
            reason = "; it is outside the namespace '" + namespace + "'";
        } else if (v == Verdict.DEFAULT_DENY) {
            reason = hint;
        } else {
            reason = "; denied by rule " + v.rule();
        }
        return new AccessDeniedException(who() + " lacks action '" + action.id() + "' on " + target + reason);
    }

    // Built only on denial: guards are created per call, and the allowed path should not format strings.
    private String who() {
        return "principal '" + Identifiers.printable(principal.subject()) + "' ("
                + (principal.roles().isEmpty() ? "no roles" : "role(s) " + String.join(", ", principal.roles()))
                + ")";
    }

    // A mismatch is a bug in the caller (for example a key action checked against a stream name): failing loudly
    // beats deciding on a resource the action never touches.
    private static void checkKind(Action action, NameKind kind, String name) {
        if (action.resourceKind() != kind) {
            throw new IllegalArgumentException("action '" + action.id() + "' applies to "
                    + action.resourceKind().label() + " names, but '" + name + "' is a " + kind.label() + " name");
        }
    }

    // Names come from NamingPolicy; one whose segments do not spell it was built by hand, and deciding on its
    // segments would authorize a different Redis name than the one used.
    @Override
    public String toString() {
        return "PolicyGuard[" + principal + "]";
    }
}
