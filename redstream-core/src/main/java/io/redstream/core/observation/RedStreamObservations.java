package io.redstream.core.observation;

import static java.util.Objects.requireNonNull;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import java.util.Map;

/**
 * The Micrometer observations of a RedStream client: their names and key names (OpenTelemetry messaging
 * conventions), and a small factory that modules built on core use to observe their own operations in the same
 * registry, with the same conventions and the same trace.
 *
 * <p>RedStream observes, when the client was built with an {@code ObservationRegistry}:
 * <ul>
 *   <li>{@value #PUBLISH} around every publish (single, explicit batch, automatic batcher), contextual name
 *       {@code "send <stream>"}; with a tracer it writes {@code traceparent} (and {@code _trace_id}, its trace id)
 *       into the message;</li>
 *   <li>{@value #PROCESS} around every entry a managed consumer hands to its handler, contextual name
 *       {@code "process <stream>"}, continuing the trace found in the entry's {@code traceparent}.</li>
 * </ul>
 * Low-cardinality keys: {@value #MESSAGING_SYSTEM} ({@value #SYSTEM_REDIS}), {@value #DESTINATION},
 * {@value #OPERATION_TYPE} ({@value #SEND} or {@value #PROCESS_TYPE}) and, on {@value #PROCESS},
 * {@value #CONSUMER_GROUP}. High-cardinality: {@value #MESSAGE_ID}, {@value #BATCH_COUNT}. See
 * {@code docs/observability.md}.
 *
 * <p>With {@link ObservationRegistry#NOOP} (the default), or a registry without handlers, every method returns
 * {@link Observation#NOOP} without allocating, and nothing is written into messages.
 *
 * <p>Immutable and thread-safe.
 */
public final class RedStreamObservations {
    /** Observation name of a publish. */
    public static final String PUBLISH = "redstream.publish";
    /** Observation name of one entry handled by a managed consumer. */
    public static final String PROCESS = "redstream.process";

    /** Key: the messaging system, always {@value #SYSTEM_REDIS}. */
    public static final String MESSAGING_SYSTEM = "messaging.system";
    /** Key: the stream name. */
    public static final String DESTINATION = "messaging.destination.name";
    /** Key: the consumer group of a {@value #PROCESS} observation. */
    public static final String CONSUMER_GROUP = "messaging.consumer.group.name";
    /** Key: {@value #SEND} or {@value #PROCESS_TYPE}. */
    public static final String OPERATION_TYPE = "messaging.operation.type";
    /** High-cardinality key: the entry id. */
    public static final String MESSAGE_ID = "messaging.message.id";
    /** High-cardinality key: how many messages one explicit batch publish sent. */
    public static final String BATCH_COUNT = "messaging.batch.message_count";

    /** Value of {@value #MESSAGING_SYSTEM}. */
    public static final String SYSTEM_REDIS = "redis";
    /** Value of {@value #OPERATION_TYPE} on {@value #PUBLISH}. */
    public static final String SEND = "send";
    /** Value of {@value #OPERATION_TYPE} on {@value #PROCESS}. */
    public static final String PROCESS_TYPE = "process";

    private static final RedStreamObservations NOOP = new RedStreamObservations(ObservationRegistry.NOOP);

    private final ObservationRegistry registry;

    private RedStreamObservations(ObservationRegistry registry) {
        this.registry = registry;
    }

    /**
     * Observations in {@code registry}; {@link ObservationRegistry#NOOP} turns them off.
     *
     * @param registry the registry; not {@code null}
     * @return the observations, a shared instance that observes nothing for {@link ObservationRegistry#NOOP}
     */
    public static RedStreamObservations of(ObservationRegistry registry) {
        requireNonNull(registry, "registry");
        return registry == ObservationRegistry.NOOP ? NOOP : new RedStreamObservations(registry);
    }

    /**
     * The registry observations go to ({@link ObservationRegistry#NOOP} when off).
     *
     * @return the registry given to {@link #of(ObservationRegistry)}
     */
    public ObservationRegistry registry() {
        return registry;
    }

    /**
     * Whether anything is observed now: false for {@link ObservationRegistry#NOOP} and for a registry without
     * handlers (handlers may be added later, as Spring Boot does, so this is asked on every call).
     *
     * @return {@code true} when the registry has handlers now
     */
    public boolean enabled() {
        return !registry.isNoop();
    }

    /**
     * A not yet started observation of a named operation, for example a tool call of a server built on core:
     * {@code observation("redstream.mcp.tool", "tools/call stream_publish", KeyValues.of("mcp.tool.name",
     * "stream_publish"))}. Start it (or use {@link Observation#observe}), open a scope around the work so that
     * publishes inside it join the trace, and stop it. Only bounded values belong in {@code lowCardinality}: they
     * become meter tags.
     *
     * @param name            the observation (and meter) name, dotted lower case
     * @param contextualName  the span name
     * @param lowCardinality  tags with a bounded set of values
     * @return the observation, not started; {@link Observation#NOOP} when observing is off
     */
    public Observation observation(String name, String contextualName, KeyValues lowCardinality) {
        requireNonNull(name, "name");
        requireNonNull(contextualName, "contextualName");
        requireNonNull(lowCardinality, "lowCardinality");
        if (registry.isNoop()) {
            return Observation.NOOP;
        }
        return Observation.createNotStarted(name, registry).contextualName(contextualName)
                .lowCardinalityKeyValues(lowCardinality);
    }

    /**
     * As {@link #observation(String, String, KeyValues)}, continuing the trace whose W3C context ({@code traceparent},
     * {@code tracestate}) {@code traceContext} holds — a request's metadata, say. Without such entries, or without a
     * tracer, the observation starts a new trace as usual.
     *
     * @param name the observation (and meter) name, dotted lower case
     * @param contextualName the span name
     * @param lowCardinality tags with a bounded set of values
     * @param traceContext W3C trace headers to continue, possibly empty
     * @return the observation, not started; {@link Observation#NOOP} when observing is off
     */
    public Observation continuing(String name, String contextualName, KeyValues lowCardinality,
            Map<String, String> traceContext) {
        requireNonNull(name, "name");
        requireNonNull(contextualName, "contextualName");
        requireNonNull(lowCardinality, "lowCardinality");
        requireNonNull(traceContext, "traceContext");
        if (registry.isNoop()) {
            return Observation.NOOP;
        }
        ReceiverContext<Map<String, String>> context = new ReceiverContext<>(Map::get, Kind.SERVER);
        context.setCarrier(traceContext);
        return Observation.createNotStarted(name, () -> context, registry).contextualName(contextualName)
                .lowCardinalityKeyValues(lowCardinality);
    }

    @Override
    public String toString() {
        return "RedStreamObservations[" + (enabled() ? registry.getClass().getSimpleName() : "off") + "]";
    }
}
