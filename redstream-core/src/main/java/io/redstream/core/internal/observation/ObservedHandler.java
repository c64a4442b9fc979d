package io.redstream.core.internal.observation;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import io.redstream.core.consumer.MessageHandler;
import io.redstream.core.observation.RedStreamObservations;
import io.redstream.core.stream.StreamEntry;

/**
 * Wraps a consumer's handler in one {@value RedStreamObservations#PROCESS} observation per handled entry,
 * continuing the trace whose context the entry carries ({@code traceparent}), with the observation in scope while
 * the handler runs so that the handler's own publishes and calls join that trace.
 */
public final class ObservedHandler implements MessageHandler {
    private final MessageHandler delegate;
    private final RedStreamObservations observations;
    private final KeyValues tags;
    private final String contextualName;

    private ObservedHandler(MessageHandler delegate, RedStreamObservations observations, String key, String group) {
        this.delegate = delegate;
        this.observations = observations;
        this.tags = KeyValues.of(
                RedStreamObservations.MESSAGING_SYSTEM, RedStreamObservations.SYSTEM_REDIS,
                RedStreamObservations.DESTINATION, key,
                RedStreamObservations.CONSUMER_GROUP, group,
                RedStreamObservations.OPERATION_TYPE, RedStreamObservations.PROCESS_TYPE);
        this.contextualName = RedStreamObservations.PROCESS_TYPE + " " + key;
    }

    /**
     * {@code handler} itself when observations are off, so a consumer without a registry pays nothing per entry.
     *
     * @param handler the handler to observe
     * @param observations the client's observations
     * @param key the stream's Redis name
     * @param group the consumer group
     * @return a handler observing {@code handler}, or {@code handler} itself
     */
    public static MessageHandler wrap(MessageHandler handler, RedStreamObservations observations, String key,
            String group) {
        return observations.enabled() ? new ObservedHandler(handler, observations, key, group) : handler;
    }

    @Override
    public void handle(StreamEntry entry) throws Exception {
        ReceiverContext<StreamEntry> context = new ReceiverContext<>((e, field) -> e.fields().get(field),
                Kind.CONSUMER);
        context.setCarrier(entry);
        context.setRemoteServiceName(RedStreamObservations.SYSTEM_REDIS);
        Observation observation = Observation.createNotStarted(RedStreamObservations.PROCESS, () -> context,
                        observations.registry())
                .contextualName(contextualName)
                .lowCardinalityKeyValues(tags)
                .highCardinalityKeyValue(RedStreamObservations.MESSAGE_ID, entry.id())
                .start();
        try (Observation.Scope ignored = observation.openScope()) {
            delegate.handle(entry);
        } catch (Exception | Error e) {
            observation.error(e);
            throw e;
        } finally {
            observation.stop();
        }
    }

    @Override
    public String toString() {
        return "ObservedHandler[" + delegate + "]";
    }
}
