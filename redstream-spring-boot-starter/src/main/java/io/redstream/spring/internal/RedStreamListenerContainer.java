package io.redstream.spring.internal;

import io.redstream.core.InvalidArgumentException;
import io.redstream.core.InvalidNameException;
import io.redstream.core.RedStream;
import io.redstream.core.RedStreamException;
import io.redstream.core.consumer.ConsumerSettings;
import io.redstream.core.consumer.MessageHandler;
import io.redstream.core.consumer.StreamConsumer;
import io.redstream.spring.RedStreamConfigurationException;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs one managed consumer per {@code @RedStreamListener} method for as long as the application context runs.
 * {@link #start()} checks every listener first and starts none if one is misconfigured; {@link #stop()} closes them
 * all in parallel, each as {@link StreamConsumer#close()} does: stop reading, let running handlers finish, flush
 * acknowledgements. Consumers started while Redis is down back off and resume when it returns.
 *
 * <p>Started and stopped by the context's lifecycle processor; {@link #isRunning()} is safe from any thread.
 */
public final class RedStreamListenerContainer implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(RedStreamListenerContainer.class);

    private final RedStreamListenerRegistrar registrar;
    private final Supplier<RedStream> client;
    private final String defaultConsumer;
    private final boolean autoStartup;
    private final List<StreamConsumer> consumers = new ArrayList<>();
    private volatile boolean running;

    /**
     * A container that is not yet running.
     *
     * @param registrar       where the listener methods are found (read at {@link #start()})
     * @param client          supplies the client, asked only when there is a listener to start
     * @param defaultConsumer the consumer name of listeners that give none
     * @param autoStartup     whether the context starts the container on refresh
     */
    public RedStreamListenerContainer(RedStreamListenerRegistrar registrar, Supplier<RedStream> client,
            String defaultConsumer, boolean autoStartup) {
        this.registrar = registrar;
        this.client = client;
        this.defaultConsumer = defaultConsumer;
        this.autoStartup = autoStartup;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        List<ListenerEndpoint> endpoints = registrar.endpoints();
        List<ConsumerSettings> settings = new ArrayList<>(endpoints.size());
        Map<String, ListenerEndpoint> names = new HashMap<>();
        for (ListenerEndpoint endpoint : endpoints) {
            ConsumerSettings s = ListenerSettings.of(endpoint, defaultConsumer);
            ListenerEndpoint clash = names.putIfAbsent(s.stream() + " " + s.group() + " " + s.consumer(), endpoint);
            if (clash != null) {
                throw ListenerSettings.error(endpoint, "consumer", "must differ from the consumer of "
                        + clash.description() + " on the same stream and group (set consumer on one of them)",
                        s.consumer(), null);
            }
            settings.add(s);
        }
        RedStream rs = endpoints.isEmpty() ? null : client.get();
        try {
            for (int i = 0; i < endpoints.size(); i++) {
                consumers.add(start(rs, endpoints.get(i), settings.get(i)));
            }
        } catch (RuntimeException e) {
            closeAll();
            throw e;
        }
        running = true;
        if (!consumers.isEmpty()) {
            LOG.info("started {} RedStream listener(s): {}", consumers.size(), settings.stream()
                    .map(s -> s.stream() + "/" + s.group() + "/" + s.consumer()).toList());
        }
    }

    private static StreamConsumer start(RedStream rs, ListenerEndpoint endpoint, ConsumerSettings settings) {
        try {
            return rs.consumer(settings, handler(endpoint));
        } catch (InvalidNameException e) {
            throw ListenerSettings.error(endpoint, "stream", e.getMessage(), settings.stream(), e);
        } catch (InvalidArgumentException e) {
            String attribute = e.getMessage().startsWith("group") ? "group"
                    : e.getMessage().startsWith("consumer") ? "consumer" : "(settings)";
            throw ListenerSettings.error(endpoint, attribute, e.getMessage(), null, e);
        } catch (RedStreamException e) {
            throw new RedStreamConfigurationException("@RedStreamListener method " + endpoint.description(),
                    "could not start its consumer: " + e.getMessage(), null, e);
        }
    }

    /** Calls the method; its own exception (not the reflective wrapper) decides retries and the dead-letter reason. */
    private static MessageHandler handler(ListenerEndpoint endpoint) {
        return entry -> {
            try {
                endpoint.method().invoke(endpoint.bean(), entry);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Exception ex) {
                    throw ex;
                }
                throw (Error) cause;
            }
        };
    }

    @Override
    public synchronized void stop() {
        closeAll();
        running = false;
    }

    private void closeAll() {
        List<Thread> closers = new ArrayList<>(consumers.size());
        for (StreamConsumer c : consumers) {
            Thread t = new Thread(c::close, "redstream-listener-close-" + closers.size());
            t.start();
            closers.add(t);
        }
        for (Thread t : closers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        consumers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    /**
     * The running consumers, for health and statistics.
     *
     * @return a snapshot, empty when stopped
     */
    public synchronized List<StreamConsumer> consumers() {
        return List.copyOf(consumers);
    }
}
