package io.redstream.core.internal.observation;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import io.redstream.core.internal.EncodedMessage;
import io.redstream.core.observation.RedStreamObservations;
import java.util.List;
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
     * Starts the observation of one message about to be sent to {@code key}; then give it to {@link #traced}.
     *
     * @param observations the client's observations
     * @param key the Redis name of the stream
     * @return the started observation, or {@link Observation#NOOP} when nothing observes
     */
    public static Observation start(RedStreamObservations observations, String key) {
        if (!observations.enabled()) {
            return Observation.NOOP;
        }
        return start(observations, key, new TraceCarrier(), KeyValues.empty());
    }

    /**
     * Starts one observation of an explicit batch of {@code size}: every message gets the same trace context.
     *
     * @param observations the client's observations
     * @param key the Redis name of the stream
     * @param size how many messages the batch holds
     * @return the started observation, or {@link Observation#NOOP} when nothing observes
     */
    public static Observation startBatch(RedStreamObservations observations, String key, int size) {
        if (!observations.enabled()) {
            return Observation.NOOP;
        }
        return start(observations, key, new TraceCarrier(),
                KeyValues.of(RedStreamObservations.BATCH_COUNT, Integer.toString(size)));
    }

    /**
     * {@code message} with the trace context a tracer propagated when {@code observation} started (and its generated
     * {@code _trace_id} replaced by that trace's id; a caller's own trace id is kept); {@code message} itself when
     * nothing observes.
     *
     * @param observation the observation returned by {@link #start}
     * @param message the encoded message
     * @return the message with the trace fields, or {@code message} itself
     */
    @SuppressWarnings("unchecked")
    public static EncodedMessage traced(Observation observation, EncodedMessage message) {
        if (observation == Observation.NOOP || !(observation.getContext() instanceof SenderContext<?> context)
                || !(context.getCarrier() instanceof TraceCarrier carrier)) {
            return message;
        }
        return carrier.applyTo(message);
    }

    /**
     * {@link #traced} for every message of a batch.
     *
     * @param observation the observation returned by {@link #startBatch}
     * @param messages the encoded messages
     * @return the messages with the trace fields, in order, or {@code messages} itself
     */
    public static List<EncodedMessage> traced(Observation observation, List<EncodedMessage> messages) {
        if (observation == Observation.NOOP) {
            return messages;
        }
        List<EncodedMessage> out = new java.util.ArrayList<>(messages.size());
        for (EncodedMessage m : messages) {
            out.add(traced(observation, m));
        }
        return out;
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

    /**
     * Records the entry id and stops.
     *
     * @param observation the publish observation
     * @param id the entry id Redis returned
     */
    public static void stop(Observation observation, String id) {
        if (observation != Observation.NOOP) {
            observation.highCardinalityKeyValue(RedStreamObservations.MESSAGE_ID, id);
        }
        observation.stop();
    }

    /**
     * Records the failure and stops.
     *
     * @param observation the publish observation
     * @param error the failure of the publish
     */
    public static void fail(Observation observation, Throwable error) {
        observation.error(error);
        observation.stop();
    }

    /**
     * Stops {@code observation} when {@code result} completes (a batcher's future), with its id or its failure.
     *
     * @param observation the publish observation
     * @param result the future of the message's id
     */
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
