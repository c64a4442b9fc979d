package io.redstream.core.internal;

import static java.util.Objects.requireNonNull;

import io.redstream.core.InvalidArgumentException;
import io.redstream.core.LimitExceededException;
import io.redstream.core.access.Action;
import io.redstream.core.naming.NameKind;
import io.redstream.core.naming.NamePattern;
import io.redstream.core.pubsub.CollectedMessages;
import io.redstream.core.pubsub.MessageListener;
import io.redstream.core.pubsub.PubSubMessage;
import io.redstream.core.pubsub.PubSubOperations;
import io.redstream.core.pubsub.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@link PubSubOperations} over a {@link RedisGateway}. */
public final class DefaultPubSubOperations implements PubSubOperations {
    private final ClientContext ctx;

    /**
     * Pub/sub operations of one client view.
     *
     * @param ctx the view's context: gateway, naming, guard and limits
     */
    public DefaultPubSubOperations(ClientContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public long publish(String channel, String message) {
        String c = ctx.authorize(Action.CHANNEL_PUBLISH, channel).redisName();
        if (message == null) {
            throw new InvalidArgumentException("message must not be null");
        }
        Values.encode(channel, message, ctx.limits());
        return ctx.gateway().call(Operation.CHANNEL_PUBLISH, c, j -> j.publish(c, message));
    }

    @Override
    public Subscription subscribe(Collection<String> channels, Collection<String> patterns,
            MessageListener listener) {
        requireNonNull(listener, "listener");
        List<String> cs = new ArrayList<>();
        List<String> ps = new ArrayList<>();
        validate(channels, patterns, cs, ps);
        return new DefaultSubscription(ctx.gateway(), cs, ps, listener, ctx.resources());
    }

    private void validate(Collection<String> channels, Collection<String> patterns, List<String> cs,
            List<String> ps) {
        int n = (channels == null ? 0 : channels.size()) + (patterns == null ? 0 : patterns.size());
        if (n == 0) {
            throw new InvalidArgumentException("channels and patterns must not both be empty");
        }
        if (n > ctx.limits().maxCount()) {
            throw new LimitExceededException("channels and patterns must be at most " + ctx.limits().maxCount()
                    + " together, but were " + n);
        }
        if (channels != null) {
            for (String c : channels) {
                cs.add(ctx.authorize(Action.CHANNEL_SUBSCRIBE, c).redisName());
            }
        }
        if (patterns != null) {
            for (String p : patterns) {
                NamePattern pattern = ctx.naming().pattern(NameKind.CHANNEL, p);
                ctx.guard().checkPattern(Action.CHANNEL_SUBSCRIBE, pattern);
                ps.add(pattern.redisPattern());
            }
        }
    }

    @Override
    public CollectedMessages collect(Collection<String> channels, Collection<String> patterns, Duration timeout,
            int maxMessages) {
        List<String> cs = new ArrayList<>();
        List<String> ps = new ArrayList<>();
        validate(channels, patterns, cs, ps);
        int blockMs = Arguments.block("timeout", timeout, ctx.limits());
        int max = Arguments.count("maxMessages", maxMessages, ctx.limits());
        List<PubSubMessage> got = new ArrayList<>();
        CountDownLatch enough = new CountDownLatch(1);
        // The collection window starts once Redis confirmed the subscription; the handshake has its own bound
        // (connect + socket timeout), so a tiny timeout means "what arrives right away", not a failure.
        Duration handshake = ctx.gateway().settings().connectTimeout().plus(ctx.gateway().settings().socketTimeout());
        MessageListener collector = m -> {
            synchronized (got) {
                if (got.size() < max) {
                    got.add(m);
                    if (got.size() == max) {
                        enough.countDown();
                    }
                }
            }
        };
        try (Subscription sub = new DefaultSubscription(ctx.gateway(), cs, ps, collector, ctx.resources())) {
            if (!sub.awaitSubscribed(handshake)) {
                throw new io.redstream.core.RedStreamConnectionException("subscribe did not complete within "
                        + handshake.toMillis() + " ms");
            }
            try {
                enough.await(blockMs, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (got) {
            return new CollectedMessages(got, got.size() < max);
        }
    }
}
