package io.redstream.mcp.tool;

import static java.util.Objects.requireNonNull;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One MCP tool: its contract (name, title, description, hints, toolset, argument and result records) and its
 * handler. The input and output schemas are derived from the two records (see {@link ToolSchemas}); the
 * arguments a handler receives have been validated against the input schema and bound to the argument record.
 * Immutable; made with {@link #builder}.
 *
 * <pre>{@code
 * ToolDefinition<GetArgs, GetResult> get = ToolDefinition.builder("redis_get", GetArgs.class, GetResult.class)
 *         .title("Get a key")
 *         .description("Reads a key's value and its remaining time to live.")
 *         .hints(ToolHints.READ_ONLY)
 *         .toolset(Toolset.STATE)
 *         .handler((args, call) -> GetResult.of(call.redis().state().inspect(args.key())))
 *         .build();
 * }</pre>
 *
 * @param name         {@code [a-z][a-z0-9_]{0,63}}
 * @param title        a short human title
 * @param description  the description, with {@link Doc} placeholders still in it
 * @param hints        the MCP tool annotations
 * @param toolset      the group {@code --toolsets} selects it by
 * @param arguments    the argument record
 * @param result       the result record
 * @param handler      what a call does
 * @param waitsWhen    whether a call with given arguments waits by design (a blocking read, a subscription): such
 *                     calls run in the server's bounded waiting capacity, never on the thread that reads requests
 * @param notFoundHint what a caller can do when the call fails with {@code NOT_FOUND}, or null
 * @param <A>          the argument record
 * @param <R>          the result record
 */
public record ToolDefinition<A, R>(String name, String title, String description, ToolHints hints, Toolset toolset,
        Class<A> arguments, Class<R> result, ToolHandler<A, R> handler, Predicate<A> waitsWhen,
        String notFoundHint) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** @throws IllegalArgumentException for a bad name, or arguments or result that are not records */
    public ToolDefinition {
        if (!NAME.matcher(requireNonNull(name, "name")).matches()) {
            throw new IllegalArgumentException("tool name must match " + NAME + ", but was '" + name + "'");
        }
        if (!arguments.isRecord() || !result.isRecord()) {
            throw new IllegalArgumentException("tool '" + name + "': arguments and result must be records");
        }
        requireNonNull(title, "title");
        requireNonNull(description, "description");
        requireNonNull(hints, "hints");
        requireNonNull(toolset, "toolset");
        requireNonNull(handler, "handler");
        requireNonNull(waitsWhen, "waitsWhen");
    }

    public static <A, R> Builder<A, R> builder(String name, Class<A> arguments, Class<R> result) {
        return new Builder<>(name, arguments, result);
    }

    /** Whether a call with these arguments waits by design (see {@link #waitsWhen()}). */
    public boolean waits(A args) {
        return waitsWhen.test(args);
    }

    @Override
    public String toString() {
        return "ToolDefinition[" + name + "]";
    }

    /** Not thread-safe. */
    public static final class Builder<A, R> {
        private final String name;
        private final Class<A> arguments;
        private final Class<R> result;
        private String title;
        private String description;
        private ToolHints hints;
        private Toolset toolset;
        private ToolHandler<A, R> handler;
        private Predicate<A> waits = args -> false;
        private String notFoundHint;

        private Builder(String name, Class<A> arguments, Class<R> result) {
            this.name = name;
            this.arguments = requireNonNull(arguments, "arguments");
            this.result = requireNonNull(result, "result");
        }

        public Builder<A, R> title(String title) {
            this.title = title;
            return this;
        }

        public Builder<A, R> description(String description) {
            this.description = description;
            return this;
        }

        public Builder<A, R> hints(ToolHints hints) {
            this.hints = hints;
            return this;
        }

        public Builder<A, R> toolset(Toolset toolset) {
            this.toolset = toolset;
            return this;
        }

        /** Calls for which {@code waits} holds run in the waiting capacity; by default no call waits. */
        public Builder<A, R> waitsWhen(Predicate<A> waits) {
            this.waits = waits;
            return this;
        }

        /** Appended to the message of a {@code NOT_FOUND} failure, e.g. how to create what is missing. */
        public Builder<A, R> notFoundHint(String hint) {
            this.notFoundHint = hint;
            return this;
        }

        public Builder<A, R> handler(ToolHandler<A, R> handler) {
            this.handler = handler;
            return this;
        }

        public ToolDefinition<A, R> build() {
            return new ToolDefinition<>(name, title, description, hints, toolset, arguments, result, handler, waits,
                    notFoundHint);
        }
    }
}
