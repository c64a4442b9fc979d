package io.redstream.core.internal;

import io.redstream.core.Limits;
import io.redstream.core.access.AccessGuard;
import io.redstream.core.access.Action;
import io.redstream.core.naming.NameKind;
import io.redstream.core.naming.NamingPolicy;
import io.redstream.core.naming.ResourceName;
import io.redstream.core.observation.RedStreamObservations;
import java.time.Clock;
import java.util.concurrent.ExecutorService;

/**
 * What every operation needs: the gateway, the naming rules, the guard of this client view, limits, clock and
 * observations.
 * A guarded view shares everything but the guard.
 */
public record ClientContext(RedisGateway gateway, NamingPolicy naming, AccessGuard guard, Limits limits,
        Clock clock, MessageEncoder encoder, ExecutorService readExecutor, Resources resources,
        RedStreamObservations observations) {

    public ClientContext withGuard(AccessGuard newGuard) {
        return new ClientContext(gateway, naming, newGuard, limits, clock, encoder, readExecutor, resources,
                observations);
    }

    /** Validates {@code name} as a name of the action's kind and checks access; the order every operation uses. */
    public ResourceName authorize(Action action, String name) {
        ResourceName resource = naming.parse(action.resourceKind(), name);
        guard.check(action, resource);
        return resource;
    }

    /** Validates a stream name without an access check (the caller checks with a more specific action). */
    public ResourceName stream(String name) {
        return naming.parse(NameKind.STREAM, name);
    }
}
