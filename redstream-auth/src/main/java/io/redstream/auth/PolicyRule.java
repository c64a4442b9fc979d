package io.redstream.auth;

import java.util.List;
import java.util.Locale;
import static java.util.Objects.requireNonNull;

/**
 * One rule of a role, as written in a policy file: an effect, the actions it applies to and the resources it
 * applies to. The contents are validated when a {@link Policy} is built (against its namespace and domains),
 * so a bad rule fails at start-up with the role, rule index and value in the message.
 *
 * <ul>
 *   <li>actions: an action id ({@code stream.publish}), {@code prefix.*} ({@code group.*}) or {@code *};</li>
 *   <li>resources: {@code :}-separated segments over the ADAPT form of a name; {@code *} matches exactly one
 *       segment, {@code >} (last segment only) one or more; the first segment must be the namespace.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param effect    allow or deny; deny wins over every allow of every role the principal holds
 * @param actions   action patterns, at least one
 * @param resources resource patterns, at least one
 */
public record PolicyRule(Effect effect, List<String> actions, List<String> resources) {
    /** What a matching rule does. */
    public enum Effect {
        /** The rule allows the matching actions, unless a deny rule of any held role also matches. */
        ALLOW,
        /** The rule denies the matching actions, whatever any allow rule says. */
        DENY
    }

    /**
     * Copies the lists and checks they are not empty; their contents are validated when a {@link Policy} is built.
     *
     * @param effect    allow or deny
     * @param actions   action patterns, at least one; copied
     * @param resources resource patterns, at least one; copied
     * @throws IllegalArgumentException when {@code actions} or {@code resources} is empty
     * @throws NullPointerException     when a component is null
     */
    public PolicyRule {
        requireNonNull(effect, "effect");
        requireNonNull(actions, "actions");
        requireNonNull(resources, "resources");
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("actions must not be empty");
        }
        if (resources.isEmpty()) {
            throw new IllegalArgumentException("resources must not be empty");
        }
    }

    /**
     * An allow rule.
     *
     * @param actions   action patterns, at least one
     * @param resources resource patterns, at least one
     * @return a rule with {@link Effect#ALLOW}
     * @throws IllegalArgumentException when a list is empty
     */
    public static PolicyRule allow(List<String> actions, List<String> resources) {
        return new PolicyRule(Effect.ALLOW, actions, resources);
    }

    /**
     * A deny rule.
     *
     * @param actions   action patterns, at least one
     * @param resources resource patterns, at least one
     * @return a rule with {@link Effect#DENY}
     * @throws IllegalArgumentException when a list is empty
     */
    public static PolicyRule deny(List<String> actions, List<String> resources) {
        return new PolicyRule(Effect.DENY, actions, resources);
    }

    @Override
    public String toString() {
        return effect.name().toLowerCase(Locale.ROOT) + " " + actions + " on " + resources;
    }
}
