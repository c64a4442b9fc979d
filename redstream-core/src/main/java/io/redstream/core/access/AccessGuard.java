package io.redstream.core.access;

import io.redstream.core.AccessDeniedException;
import io.redstream.core.naming.NamePattern;
import io.redstream.core.naming.ResourceName;

/**
 * Decides whether an operation may run. RedStream calls the guard of a client view before it sends any Redis
 * command for that operation, once per resource (a multi-key operation is checked for every key before the first
 * command). Core ships only {@link #ALLOW_ALL}; {@code redstream-auth} supplies a guard per principal.
 *
 * <p>Implementations must be thread-safe and fast (they are on every call's path) and must not call back into
 * RedStream.
 */
public interface AccessGuard {
    /** Permits everything: the guard of a client built without one. */
    AccessGuard ALLOW_ALL = new AccessGuard() {
        @Override
        public void check(Action action, ResourceName resource) {
        }

        @Override
        public void checkPattern(Action action, NamePattern pattern) {
        }

        @Override
        public boolean permits(Action action, ResourceName resource) {
            return true;
        }

        @Override
        public void checkActor(String actor, Action action, ResourceName resource) {
        }

        @Override
        public String toString() {
            return "AccessGuard.ALLOW_ALL";
        }
    };

    /**
     * A guard that allows only what both allow, asking {@code first} first. {@link AccessGuard#ALLOW_ALL} on
     * either side yields the other guard.
     *
     * @param first the guard asked first; not {@code null}
     * @param second the guard asked when {@code first} allows; not {@code null}
     * @return a guard allowing what both allow
     */
    static AccessGuard both(AccessGuard first, AccessGuard second) {
        java.util.Objects.requireNonNull(first, "first");
        java.util.Objects.requireNonNull(second, "second");
        if (first == ALLOW_ALL) {
            return second;
        }
        return second == ALLOW_ALL ? first : new BothGuards(first, second);
    }

    /**
     * Throws {@link AccessDeniedException} unless {@code action} on {@code resource} is allowed. The exception's
     * message names the principal, the action and the resource, never a secret.
     *
     * @param action the operation about to run
     * @param resource the validated name it acts on
     * @throws AccessDeniedException the action is not allowed on the resource
     */
    void check(Action action, ResourceName resource);

    /**
     * Throws {@link AccessDeniedException} unless {@code action} is allowed on every name {@code pattern} can
     * match (used for pattern subscriptions).
     *
     * @param action the operation about to run
     * @param pattern the validated pattern it acts on
     * @throws AccessDeniedException the action is not allowed on some name the pattern can match
     */
    void checkPattern(Action action, NamePattern pattern);

    /**
     * Whether {@code action} on {@code resource} is allowed; used to filter listings without failing them.
     *
     * @param action the operation to ask about
     * @param resource the validated name it would act on
     * @return {@code true} when {@link #check(Action, ResourceName)} would pass
     */
    boolean permits(Action action, ResourceName resource);

    /**
     * Throws {@link AccessDeniedException} unless the caller may act as {@code actor} — the agent that claims or
     * updates a task, owns a lock or heartbeats — while performing {@code action} on {@code resource} (named so a
     * denial can be audited like any other). Core calls it for every coordination operation that names an acting
     * agent, after the resource checks and before any Redis command.
     *
     * <p>A guard that knows the caller's identity permits only the caller's own subject unless the caller may act
     * for others (in {@code redstream-auth}: the {@code admin} role). A guard without a notion of identity, such as
     * {@link #ALLOW_ALL}, permits every actor.
     *
     * @param actor the agent name the operation acts as
     * @param action the operation about to run
     * @param resource the validated name it acts on
     * @throws AccessDeniedException the caller may not act as {@code actor}
     */
    void checkActor(String actor, Action action, ResourceName resource);
}
