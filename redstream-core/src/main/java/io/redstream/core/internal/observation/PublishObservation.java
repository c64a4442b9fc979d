package io.redstream.core.internal.observation;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import io.redstream.core.observation.RedStreamObservations;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The {@value RedStreamObservations#PUBLISH} observation. Started after a message is encoded and before it is
 * sent, so that a tracer's propagator writes the W3C trace context into the stored fields; stopped when Redis
 * answered.
 *
 * <p>Off (a NOOP registry) it returns {@link Observation#NOOP} before allocating anything, and the calls a
 * publish path makes on it ({@code error}, {@code stop}) do nothing.
 */
public final class PublishObservation {
    private PublishObservation() {
    }

    /**
     * Starts the observation of one message about to be sent to {@code key}.
     *
     * @param callerTraceId whether the caller chose the message's {@code _trace_id}: it is then kept even when a
     *                      tracer writes a {@code traceparent} of another trace
     */
    public static Observation start(RedStreamObservations observations, String key, Map<String, String> message,
            boolean callerTraceId) {
        if (!observations.enabled()) {
            return Observation.NOOP;
        }
        return start(observations, key, new TraceCarrier(List.of(message), !callerTraceId), KeyValues.empty());
    }

    /** Starts one observation of an explicit batch: every message gets the same trace context. */
    public static Observation startBatch(RedStreamObservations observations, String key,
            List<Map<String, String>> messages, boolean callerTraceId) {
        if (!observations.enabled()) {
            return Observation.NOOP;
        }
        return start(observations, key, new TraceCarrier(messages, !callerTraceId),
                KeyValues.of(RedStreamObservations.BATCH_COUNT, Integer.toString(messages.size())));
    }

    private static Observation start(RedStreamObservations observations, String key, TraceCarrier carrier,
            KeyValues high) {
        SenderContext<TraceCarrier> context = new SenderContext<>(TraceCarrier::put, Kind.PRODUCER);
        context.setCarrier(carrier);
        context.setRemoteServiceName(RedStreamObservations.SYSTEM_REDIS);
        return Observation.createNotStarted(RedStreamObservations.PUBLISH, () -> context, observations.registry())
                .contextualName(RedStreamObservations.SEND + " " + key)
                .lowCardinalityKeyValues(KeyValues.of(
                        RedStreamObservations.MESSAGING_SYSTEM, RedStreamObservations.SYSTEM_REDIS,
                        RedStreamObservations.DESTINATION, key,
                        RedStreamObservations.OPERATION_TYPE, RedStreamObservations.SEND))
                .highCardinalityKeyValues(high)
                .start();
    }

    /** Records the entry id and stops. */
    public static void stop(Observation observation, String id) {
        if (observation != Observation.NOOP) {
            observation.highCardinalityKeyValue(RedStreamObservations.MESSAGE_ID, id);
        }
        observation.stop();
    }

    /** Records the failure and stops. */
    public static void fail(Observation observation, Throwable error) {
        observation.error(error);
        observation.stop();
    }

    /** Stops {@code observation} when {@code result} completes (a batcher's future), with its id or its failure. */
    public static void stopWhenDone(Observation observation, CompletableFuture<String> result) {
        if (observation == Observation.NOOP) {
            return;
        }
        result.whenComplete((id, error) -> {
            if (error != null) {
                fail(observation, error);
            } else {
                stop(observation, id);
            }
        });
    }
}
