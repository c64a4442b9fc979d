package io.redstream.auth.internal;

import io.redstream.core.access.Action;
import java.util.List;
import java.util.Set;

/**
 * One validated policy rule: the actions it covers, expanded from its action patterns, and its resource
 * patterns.
 *
 * @param id        {@code role#index}, index counted from 0 in the order the rules are written
 * @param deny      whether the rule denies (deny wins over any allow)
 * @param actions   the actions the rule applies to
 * @param resources the resource patterns, any of which may match
 */
public record CompiledRule(String id, boolean deny, Set<Action> actions, List<ResourcePattern> resources) {
    /**
     * Keeps unmodifiable copies of the actions and resources.
     *
     * @param id        {@code role#index}
     * @param deny      whether the rule denies
     * @param actions   the actions the rule applies to; copied
     * @param resources the resource patterns; copied
     */
    public CompiledRule {
        actions = Set.copyOf(actions);
        resources = List.copyOf(resources);
    }
}
