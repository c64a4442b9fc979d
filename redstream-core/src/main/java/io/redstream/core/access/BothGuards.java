package io.redstream.core.access;

import static java.util.Objects.requireNonNull;

import io.redstream.core.naming.NamePattern;
import io.redstream.core.naming.ResourceName;

/**
 * Allows only what both guards allow, asking {@code first} first: a guarded view secured again keeps its own
 * restrictions. A denial is thrown (and audited) by whichever guard denied.
 *
 * <p>Immutable; thread-safe when both guards are.
 */
final class BothGuards implements AccessGuard {
    private final AccessGuard first;
    private final AccessGuard second;

    BothGuards(AccessGuard first, AccessGuard second) {
        this.first = requireNonNull(first, "first");
        this.second = requireNonNull(second, "second");
    }

    @Override
    public void check(Action action, ResourceName resource) {
        first.check(action, resource);
        second.check(action, resource);
    }

    @Override
    public void checkPattern(Action action, NamePattern pattern) {
        first.checkPattern(action, pattern);
        second.checkPattern(action, pattern);
    }

    @Override
    public boolean permits(Action action, ResourceName resource) {
        return first.permits(action, resource) && second.permits(action, resource);
    }

    @Override
    public void checkActor(String actor, Action action, ResourceName resource) {
        first.checkActor(actor, action, resource);
        second.checkActor(actor, action, resource);
    }

    @Override
    public String toString() {
        return "BothGuards[" + first + ", " + second + "]";
    }
}
