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
 *
 * @param gateway the connections every command goes through
 * @param naming the naming rules names are checked against
 * @param guard the access guard of this view
 * @param limits the bounds every call is checked against
 * @param clock the clock for timestamps, leases and TTLs
 * @param encoder the encoder of published messages
 * @param readExecutor runs the per-slot blocking reads of a multi-stream read on a cluster
 * @param resources the consumers, subscriptions and batchers to close with the client
 * @param observations the client's Micrometer observations
 */
public record ClientContext(RedisGateway gateway, NamingPolicy naming, AccessGuard guard, Limits limits,
        Clock clock, MessageEncoder encoder, ExecutorService readExecutor, Resources resources,
        RedStreamObservations observations) {

    /**
     * The same context with another guard: the context of a guarded view.
     *
     * @param newGuard the guard of the new view
     * @return a context sharing everything else with this one
     */
    public ClientContext withGuard(AccessGuard newGuard) {
        return new ClientContext(gateway, naming, newGuard, limits, clock, encoder, readExecutor, resources,
                observations);
    }

    /**
     * Validates {@code name} as a name of the action's kind and checks access; the order every operation uses.
     *
     * @param action the operation about to run
     * @param name the name it acts on
     * @return the validated name
     * @throws io.redstream.core.InvalidNameException the name is invalid for the action's kind
     * @throws io.redstream.core.AccessDeniedException the guard denies the action
     */
    public ResourceName authorize(Action action, String name) {
        ResourceName resource = naming.parse(action.resourceKind(), name);
        guard.check(action, resource);
        return resource;
    }

    /**
     * Validates a stream name without an access check (the caller checks with a more specific action).
     *
     * @param name the stream name
     * @return the validated name
     * @throws io.redstream.core.InvalidNameException the name is invalid
     */
    public ResourceName stream(String name) {
        return naming.parse(NameKind.STREAM, name);
    }
}
