package io.redstream.auth.internal;

import io.redstream.core.access.Action;
import io.redstream.core.naming.NamePattern;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The rules of one set of roles, indexed by action, so that a decision scans only the rules that can apply.
 *
 * <p>Semantics: a name outside the namespace is denied; otherwise a matching deny rule denies (deny wins,
 * whichever role it came from); otherwise a matching allow rule allows; otherwise the default is deny.
 *
 * <p>Immutable and thread-safe; deciding allocates nothing.
 */
public final class RuleSet {
    /** One (rule, resource pattern) pair, with the verdict it yields when it matches. */
    private record Entry(ResourcePattern pattern, Verdict verdict) {
    }

    private static final Entry[] NONE = new Entry[0];

    private final String namespace;
    private final Entry[][] denies;
    private final Entry[][] allows;

    /**
     * Indexes {@code rules} by action.
     *
     * @param namespace the namespace every allowed name must start with
     * @param rules     the compiled rules of every role in the set, in any order (deny wins regardless)
     */
    public RuleSet(String namespace, Collection<CompiledRule> rules) {
        this.namespace = namespace;
        int n = Action.values().length;
        this.denies = new Entry[n][];
        this.allows = new Entry[n][];
        for (Action action : Action.values()) {
            List<Entry> deny = new ArrayList<>();
            List<Entry> allow = new ArrayList<>();
            for (CompiledRule rule : rules) {
                if (!rule.actions().contains(action)) {
                    continue;
                }
                Verdict verdict = rule.deny() ? new Verdict(false, rule.id()) : Verdict.ALLOWED;
                for (ResourcePattern p : rule.resources()) {
                    (rule.deny() ? deny : allow).add(new Entry(p, verdict));
                }
            }
            denies[action.ordinal()] = deny.isEmpty() ? NONE : deny.toArray(NONE);
            allows[action.ordinal()] = allow.isEmpty() ? NONE : allow.toArray(NONE);
        }
    }

    /**
     * Decides {@code action} on one name.
     *
     * @param action   the action asked for
     * @param segments the ADAPT segments of the name, the namespace first
     * @return the verdict; a denial names the deny rule that matched, or is {@link Verdict#DEFAULT_DENY} or
     *     {@link Verdict#OUTSIDE_NAMESPACE}
     */
    public Verdict decide(Action action, List<String> segments) {
        if (segments.isEmpty() || !namespace.equals(segments.get(0))) {
            return Verdict.OUTSIDE_NAMESPACE;
        }
        for (Entry e : denies[action.ordinal()]) {
            if (e.pattern.matches(segments)) {
                return e.verdict;
            }
        }
        for (Entry e : allows[action.ordinal()]) {
            if (e.pattern.matches(segments)) {
                return Verdict.ALLOWED;
            }
        }
        return Verdict.DEFAULT_DENY;
    }

    /**
     * Decides {@code action} on every name {@code pattern} can match. An exact pattern is decided as its one
     * name. Otherwise a pattern can match any name that starts with its literal segments and continues with
     * anything (a Redis glob {@code *} also matches {@code :}), so it is allowed only when one allow rule
     * covers that whole subtree and no deny rule could match any name in it. This is conservative: a pattern
     * such as {@code nova:task:a*} needs an allow rule covering all of {@code nova:task:>}. Only for deny rules is
     * the literal start of the first glob segment used ({@code public*} cannot reach a segment {@code private}),
     * which is sound because that text contains no {@code :}.
     *
     * @param action  the action asked for
     * @param pattern the name pattern (subscription or scan pattern)
     * @return {@link Verdict#ALLOWED} only when every name the pattern can match is allowed
     */
    public Verdict decidePattern(Action action, NamePattern pattern) {
        List<String> literal = pattern.literalSegments();
        if (pattern.isExact()) {
            return decide(action, literal);
        }
        if (literal.isEmpty() || !namespace.equals(literal.get(0))) {
            return Verdict.OUTSIDE_NAMESPACE;
        }
        String nextStart = globSegmentStart(pattern.redisPattern(), literal.size());
        for (Entry e : denies[action.ordinal()]) {
            if (e.pattern.mayMatchAnExtensionOf(literal, nextStart)) {
                return e.verdict;
            }
        }
        for (Entry e : allows[action.ordinal()]) {
            if (e.pattern.coversEveryExtensionOf(literal)) {
                return Verdict.ALLOWED;
            }
        }
        return Verdict.DEFAULT_DENY;
    }

    /** The text before the first {@code *} of segment {@code index} of a glob (the first wildcard segment). */
    private static String globSegmentStart(String glob, int index) {
        int from = 0;
        for (int i = 0; i < index; i++) {
            from = glob.indexOf(':', from) + 1;
        }
        int star = glob.indexOf('*', from);
        int colon = glob.indexOf(':', from);
        int end = colon >= 0 && colon < star ? colon : star;
        return end < 0 ? glob.substring(from) : glob.substring(from, end);
    }
}
