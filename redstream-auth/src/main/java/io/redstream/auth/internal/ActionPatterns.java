package io.redstream.auth.internal;

import io.redstream.core.access.Action;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves the action patterns of a policy rule: an exact id ({@code stream.publish}), {@code prefix.*} or
 * {@code *}.
 */
public final class ActionPatterns {
    private ActionPatterns() {
    }

    /**
     * The actions {@code pattern} stands for; never empty.
     *
     * @param pattern an action id ({@code stream.publish}), {@code prefix.*} ({@code group.*}) or {@code *}
     * @return the matching actions
     * @throws IllegalArgumentException when the pattern is empty, malformed, unknown or matches no action; the
     *                                  message lists the known ids or prefixes
     */
    public static Set<Action> resolve(String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            throw new IllegalArgumentException("action must not be empty; expected an action id, 'prefix.*' or '*'");
        }
        if (pattern.equals("*")) {
            return EnumSet.allOf(Action.class);
        }
        if (pattern.endsWith(".*")) {
            String prefix = pattern.substring(0, pattern.length() - 1);
            EnumSet<Action> matched = EnumSet.noneOf(Action.class);
            for (Action a : Action.values()) {
                if (a.id().startsWith(prefix)) {
                    matched.add(a);
                }
            }
            if (matched.isEmpty() || prefix.indexOf('*') >= 0) {
                throw new IllegalArgumentException("action pattern '" + pattern + "' matches no action; known"
                        + " prefixes are " + prefixes());
            }
            return matched;
        }
        return Action.byId(pattern).map(EnumSet::of).orElseThrow(() -> new IllegalArgumentException(
                "unknown action '" + pattern + "'; known actions are " + knownIds()));
    }

    private static String knownIds() {
        return Arrays.stream(Action.values()).map(Action::id).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String prefixes() {
        return Arrays.stream(Action.values()).map(a -> a.id().substring(0, a.id().indexOf('.')) + ".*")
                .distinct().collect(Collectors.joining(", ", "[", "]"));
    }
}
