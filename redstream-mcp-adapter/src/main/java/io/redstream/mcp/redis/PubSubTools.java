package io.redstream.mcp.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.redstream.core.RedStream;
import io.redstream.core.pubsub.PubSubMessage;
import io.redstream.core.pubsub.Subscription;
import io.redstream.mcp.tools.Schemas;
import io.redstream.mcp.tools.ToolException;
import io.redstream.mcp.tools.ToolHints;
import io.redstream.mcp.tools.ToolSpec;

/** Pub/sub: {@code redis_publish} and the bounded {@code redis_subscribe}. */
final class PubSubTools {

    /** How long Redis may take to confirm a subscription, on top of the caller's timeout_ms. */
    static final Duration SUBSCRIBE_WAIT = Duration.ofSeconds(5);

    private PubSubTools() {
    }

    static List<ToolSpec> all(ToolKit kit) {
        return List.of(publish(kit), subscribe(kit));
    }

    static ToolSpec publish(ToolKit kit) {
        return ToolSpec.builder("redis_publish")
                .title("Publish on a channel")
                .description("Publishes a message on a pub/sub channel and returns how many subscribers received it."
                        + " Pub/sub keeps nothing: use stream_publish for messages that must not be lost. Needs the"
                        + " {domain}_write role.")
                .hints(ToolHints.write(false, false))
                .input(Schemas.object()
                        .required("channel", ToolKit.channel())
                        .required("message", Schemas.string().maxBytes(kit.limits().maxValueBytes(), "--max-value-bytes")
                                .description("The message text (send JSON as a string)")))
                .output(Schemas.object()
                        .required("channel", Schemas.string())
                        .required("receivers", Schemas.integer().min(0)
                                .description("Subscribers that received it (on a cluster: on the node it was published to)")))
                .handler(ToolKit.translated((args, ctx) -> {
                    String channel = args.string("channel");
                    long receivers = kit.redis(ctx).pubsub().publish(channel, args.string("message"));
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("channel", channel);
                    out.put("receivers", receivers);
                    return out;
                }))
                .build();
    }

    static ToolSpec subscribe(ToolKit kit) {
        long maxBlock = kit.limits().maxBlockMillis();
        return ToolSpec.builder("redis_subscribe")
                .title("Collect channel messages")
                .description("Subscribes to channels and/or patterns, collects the messages published until"
                        + " max_messages arrived or timeout_ms passed (counted from when Redis confirmed the"
                        + " subscription), then unsubscribes. Only messages published after the subscription started"
                        + " are seen. Give at least one channel or pattern; a pattern is"
                        + " allowed only when the caller may read every channel it can match. Needs the {domain}_read role.")
                .hints(ToolHints.READ_ONLY)
                .input(Schemas.object()
                        .optional("channels", kit.names(ToolKit.channel(), "Channels to subscribe to"))
                        .optional("patterns", kit.names(ToolKit.pattern("channel").defaultValue(null),
                                "Channel patterns to subscribe to"))
                        .optional("timeout_ms", Schemas.integer().min(1).limit(maxBlock, "--max-block-ms")
                                .defaultValue(Math.min(1000L, maxBlock))
                                .description("How long to collect, in milliseconds"))
                        .optional("max_messages", kit.count(100, "Return as soon as this many messages arrived")))
                .output(Schemas.object()
                        .required("messages", Schemas.array(Schemas.object()
                                .required("channel", Schemas.string())
                                .optional("pattern", Schemas.string().description("The pattern that matched, for"
                                        + " pattern subscriptions"))
                                .required("message", Schemas.string())))
                        .required("timed_out", Schemas.bool()
                                .description("true when the time ran out before max_messages arrived")))
                .handler(ToolKit.translated((args, ctx) -> {
                    Collected collected = collect(kit.redis(ctx), args.stringList("channels"),
                            args.stringList("patterns"), args.longValue("timeout_ms"), args.intValue("max_messages"));
                    List<Object> messages = new ArrayList<>(collected.messages().size());
                    for (PubSubMessage m : collected.messages()) {
                        Map<String, Object> item = new LinkedHashMap<>();
                        item.put("channel", m.channel());
                        if (m.pattern() != null) {
                            item.put("pattern", m.pattern());
                        }
                        item.put("message", m.message());
                        messages.add(item);
                    }
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("messages", messages);
                    out.put("timed_out", collected.timedOut());
                    return out;
                }))
                .build();
    }

    /** Messages gathered by {@link #collect}. */
    record Collected(List<PubSubMessage> messages, boolean timedOut) {
    }

    /**
     * Subscribes, waits for Redis to confirm (bounded by {@link #SUBSCRIBE_WAIT}, not by the caller's
     * timeout), then collects for {@code timeoutMs} or until {@code max} messages arrived. Core's
     * {@code pubsub().collect} bounds the confirmation by the collection time too, so a short
     * {@code timeout_ms} would fail as UNAVAILABLE although Redis is fine.
     */
    static Collected collect(RedStream rs, List<String> channels, List<String> patterns, long timeoutMs, int max)
            throws InterruptedException {
        List<PubSubMessage> got = new ArrayList<>();
        CountDownLatch enough = new CountDownLatch(1);
        try (Subscription sub = rs.pubsub().subscribe(channels, patterns, m -> {
            synchronized (got) {
                if (got.size() < max) {
                    got.add(m);
                    if (got.size() == max) {
                        enough.countDown();
                    }
                }
            }
        })) {
            if (!sub.awaitSubscribed(SUBSCRIBE_WAIT)) {
                throw ToolException.unavailable("Redis did not confirm the subscription within "
                        + SUBSCRIBE_WAIT.toSeconds() + " s; retry");
            }
            enough.await(timeoutMs, TimeUnit.MILLISECONDS);
        }
        synchronized (got) {
            return new Collected(List.copyOf(got), got.size() < max);
        }
    }
}
