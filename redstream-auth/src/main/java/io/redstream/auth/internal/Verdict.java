package io.redstream.auth.internal;

/**
 * The outcome of one authorization decision. Denials made by a rule reuse that rule's instance, and the other
 * outcomes are constants, so deciding allocates nothing.
 *
 * @param allowed whether the action may run
 * @param rule    what decided: a rule id ({@code planner#1}), {@code default-deny} or {@code outside-namespace};
 *                for an allow, the allowing rule is not tracked and this is {@code allow}
 */
public record Verdict(boolean allowed, String rule) {
    /** An allow; which rule allowed is not tracked. */
    public static final Verdict ALLOWED = new Verdict(true, "allow");
    /** A denial because no rule allowed the action. */
    public static final Verdict DEFAULT_DENY = new Verdict(false, "default-deny");
    /** A denial because the name is outside the policy's namespace, whatever the rules say. */
    public static final Verdict OUTSIDE_NAMESPACE = new Verdict(false, "outside-namespace");
}
