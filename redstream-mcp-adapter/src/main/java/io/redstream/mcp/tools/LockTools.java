package io.redstream.mcp.tools;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.redstream.core.lock.LockResult;
import io.redstream.mcp.tool.Doc;
import io.redstream.mcp.tool.Range;
import io.redstream.mcp.tool.Required;
import io.redstream.mcp.tool.ToolDefinition;
import io.redstream.mcp.tool.ToolHints;
import io.redstream.mcp.tool.Toolset;

/**
 * Fenced locks: {@code lock_acquire}, {@code lock_release}. Each is one call of core's
 * {@link io.redstream.core.lock.Locks} on the caller's guarded view.
 */
final class LockTools {

    private static final String ROLES = " Needs the {domain}_write role on the lock key.";

    private LockTools() {
    }

    static List<ToolDefinition<?, ?>> all() {
        return List.of(acquire(), release());
    }

    record AcquireArgs(@Required @Doc("Lock key (" + KeyTools.KEY + "), e.g. {namespace}:agent:alpha:lock:report")
            String key,
            @Doc("Who takes the lock, [A-Za-z0-9_-] (1 to 128 characters); default: the caller's own identity. Only"
                    + " an admin may take a lock for another owner") String owner,
            @Required @Range(min = 1, max = 86_400) @Doc("How long the lock is held unless released, in seconds")
            long ttlSeconds) {
    }

    record AcquireResult(String key, boolean acquired,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Doc("When acquired: the fencing token, strictly greater than"
                    + " every earlier token of this key; give it to lock_release, and to the protected resource so"
                    + " it can refuse a stale holder") Long token,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Doc("When not acquired: who holds the lock") String holder,
            @Doc("Seconds the lock stays held: the given TTL when acquired, else what is left of the holder's"
                    + " lease (rounded up)") long ttlSeconds) {

        static AcquireResult of(LockResult r, long ttlSeconds) {
            if (r.acquired()) {
                return new AcquireResult(r.key(), true, r.lease().token(), null, ttlSeconds);
            }
            long left = Math.max(1, Conversions.seconds(Duration.between(Instant.now(), r.expiresAt())));
            return new AcquireResult(r.key(), false, null, r.holder(), left);
        }
    }

    static ToolDefinition<AcquireArgs, AcquireResult> acquire() {
        return ToolDefinition.builder("lock_acquire", AcquireArgs.class, AcquireResult.class)
                .title("Acquire a lock")
                .description("Takes a lock for ttl_seconds if it is free and returns a fencing token; if someone holds"
                        + " it, acquired is false and holder says who (not an error). Not re-entrant: the holder asking"
                        + " again is told it holds it. The lock frees itself after ttl_seconds; release it earlier with"
                        + " lock_release and the token." + ROLES)
                .hints(ToolHints.write(false, false))
                .toolset(Toolset.LOCKS)
                .handler((args, call) -> AcquireResult.of(call.redis().locks().acquire(args.key(),
                        Conversions.agent(args.owner(), call), Duration.ofSeconds(args.ttlSeconds())),
                        args.ttlSeconds()))
                .build();
    }

    record ReleaseArgs(@Required @Doc("Lock key, as given to lock_acquire") String key,
            @Required @Range(min = 1) @Doc("The token lock_acquire returned") long token,
            @Doc("The owner given to lock_acquire; default: the caller's own identity") String owner) {
    }

    record ReleaseResult(String key, @Doc("false when the token is not the current one: the lease ran out, or"
            + " another owner holds the lock now") boolean released) {
    }

    static ToolDefinition<ReleaseArgs, ReleaseResult> release() {
        return ToolDefinition.builder("lock_release", ReleaseArgs.class, ReleaseResult.class)
                .title("Release a lock")
                .description("Frees a lock if the token is still the current one (an atomic compare-and-delete):"
                        + " a holder whose lease ran out cannot free a lock someone else acquired since; released is"
                        + " then false." + ROLES)
                .hints(ToolHints.write(false, true))
                .toolset(Toolset.LOCKS)
                .handler((args, call) -> new ReleaseResult(args.key(), call.redis().locks().release(args.key(),
                        Conversions.agent(args.owner(), call), args.token())))
                .build();
    }
}
