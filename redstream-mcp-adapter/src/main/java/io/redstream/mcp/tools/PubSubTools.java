package io.redstream.mcp.tools;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.redstream.core.InvalidArgumentException;
import io.redstream.core.RedStream;
import io.redstream.core.RedStreamConnectionException;
import io.redstream.core.pubsub.PubSubMessage;
import io.redstream.core.pubsub.Subscription;
import io.redstream.mcp.tool.Default;
import io.redstream.mcp.tool.Doc;
import io.redstream.mcp.tool.Limit;
import io.redstream.mcp.tool.Range;
import io.redstream.mcp.tool.Required;
import io.redstream.mcp.tool.ToolDefinition;
import io.redstream.mcp.tool.ToolHints;
import io.redstream.mcp.tool.Toolset;

/** Pub/sub: {@code redis_publish} and the bounded {@code redis_subscribe}. */
final class PubSubTools {

    /**
     * How long Redis may take to confirm a subscription, on top of the caller's {@code timeout_ms}: the call takes
     * at most this plus {@code timeout_ms}.
     */
    static final Duration SUBSCRIBE_WAIT = Duration.ofSeconds(5);

    private PubSubTools() {
    }

    static List<ToolDefinition<?, ?>> all() {
        return List.of(publish(), subscribe());
    }

    record PublishArgs(@Required @Doc(Conversions.CHANNEL) String channel,
            @Required @Doc("The message text (send JSON as a string); at most {max_value_bytes} bytes") String message) {
    }

    record PublishResult(String channel,
            @Doc("Subscribers that received it (on a cluster: on the node it was published to)") long receivers) {
    }

    static ToolDefinition<PublishArgs, PublishResult> publish() {
        return ToolDefinition.builder("redis_publish", PublishArgs.class, PublishResult.class)
                .title("Publish on a channel")
                .description("Publishes a message on a pub/sub channel and returns how many subscribers received it."
                        + " Pub/sub keeps nothing: use stream_publish for messages that must not be lost. Needs the"
                        + " {domain}_write role.")
                .hints(ToolHints.write(false, false))
                .toolset(Toolset.PUBSUB)
                .handler((args, call) -> new PublishResult(args.channel(),
                        call.redis().pubsub().publish(args.channel(), args.message())))
                .build();
    }

    record SubscribeArgs(
            @Range(min = 1, limit = Limit.COUNT) @Doc("Channels to subscribe to (" + Conversions.CHANNEL + ")")
            List<String> channels,
            @Range(min = 1, limit = Limit.COUNT) @Doc("Channel patterns (globs, * is the only wildcard) to subscribe to")
            List<String> patterns,
            @Range(min = 1, limit = Limit.BLOCK_MS) @Default("1000")
            @Doc("How long to collect, in milliseconds, counted from when Redis confirmed the subscription")
            long timeoutMs,
            @Range(min = 1, limit = Limit.COUNT) @Default("100") @Doc("Return as soon as this many messages arrived")
            int maxMessages) {

        SubscribeArgs {
            if (channels == null && patterns == null) {
                throw new InvalidArgumentException("give at least one of the arguments 'channels' and 'patterns'");
            }
            channels = channels == null ? List.of() : channels;
            patterns = patterns == null ? List.of() : patterns;
        }
    }

    record Message(String channel,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Doc("The pattern that matched, for pattern subscriptions")
            String pattern,
            String message) {
    }

    record SubscribeResult(List<Message> messages,
            @Doc("true when the time ran out before max_messages arrived") boolean timedOut) {
    }

    static ToolDefinition<SubscribeArgs, SubscribeResult> subscribe() {
        return ToolDefinition.builder("redis_subscribe", SubscribeArgs.class, SubscribeResult.class)
                .title("Collect channel messages")
                .description("Subscribes to channels and/or patterns, collects the messages published until"
                        + " max_messages arrived or timeout_ms passed (counted from when Redis confirmed the"
                        + " subscription), then unsubscribes. Only messages published after the subscription started"
                        + " are seen. Give at least one channel or pattern; a pattern is allowed only when the caller"
                        + " may read every channel it can match. Needs the {domain}_read role.")
                .hints(ToolHints.READ_ONLY)
                .toolset(Toolset.PUBSUB)
                .waitsWhen(args -> true)
                .handler((args, call) -> collect(call.redis(), args))
                .build();
    }

    /**
     * Subscribes, waits for Redis to confirm (at most {@link #SUBSCRIBE_WAIT}), then collects for
     * {@code timeout_ms} or until {@code max_messages} arrived. An interrupt (the call was cancelled) ends the wait.
     */
    static SubscribeResult collect(RedStream rs, SubscribeArgs args) throws InterruptedException {
        List<Message> got = new ArrayList<>();
        CountDownLatch enough = new CountDownLatch(1);
        int max = args.maxMessages();
        try (Subscription sub = rs.pubsub().subscribe(args.channels(), args.patterns(), (PubSubMessage m) -> {
            synchronized (got) {
                if (got.size() < max) {
                    got.add(new Message(m.channel(), m.pattern(), m.message()));
                    if (got.size() == max) {
                        enough.countDown();
                    }
                }
            }
        })) {
            if (!sub.awaitSubscribed(SUBSCRIBE_WAIT)) {
                throw new RedStreamConnectionException("Redis did not confirm the subscription within "
                        + SUBSCRIBE_WAIT.toSeconds() + " s");
            }
            enough.await(args.timeoutMs(), TimeUnit.MILLISECONDS);
        }
        synchronized (got) {
            return new SubscribeResult(List.copyOf(got), got.size() < max);
        }
    }
}
