package io.redstream.mcp.tool;

import static java.util.Objects.requireNonNull;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One MCP tool: its contract (name, title, description, hints, toolset, argument and result records) and its
 * handler. The input and output schemas are derived from the two records (see {@link ToolSchemas}); the
 * arguments a handler receives have been validated against the input schema and bound to the argument record.
 * Immutable.
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
 * @param <A> the argument record
 * @param <R> the result record
 */
public final class ToolDefinition<A, R> {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final String name;
    private final String title;
    private final String description;
    private final ToolHints hints;
    private final Toolset toolset;
    private final Class<A> arguments;
    private final Class<R> result;
    private final ToolHandler<A, R> handler;
    private final Predicate<A> waits;
    private final String notFoundHint;

    private ToolDefinition(Builder<A, R> b) {
        this.name = b.name;
        this.title = requireNonNull(b.title, "title");
        this.description = requireNonNull(b.description, "description");
        this.hints = requireNonNull(b.hints, "hints");
        this.toolset = requireNonNull(b.toolset, "toolset");
        this.arguments = b.arguments;
        this.result = b.result;
        this.handler = requireNonNull(b.handler, "handler");
        this.waits = b.waits;
        this.notFoundHint = b.notFoundHint;
    }

    public static <A, R> Builder<A, R> builder(String name, Class<A> arguments, Class<R> result) {
        return new Builder<>(name, arguments, result);
    }

    public String name() {
        return name;
    }

    public String title() {
        return title;
    }

    /** The description, with {@link Doc} placeholders still in it. */
    public String description() {
        return description;
    }

    public ToolHints hints() {
        return hints;
    }

    public Toolset toolset() {
        return toolset;
    }

    public Class<A> arguments() {
        return arguments;
    }

    public Class<R> result() {
        return result;
    }

    public ToolHandler<A, R> handler() {
        return handler;
    }

    /**
     * Whether a call with these arguments waits by design (a blocking read, a subscription): such calls run in
     * the server's bounded waiting capacity, never on the thread that reads requests.
     */
    public boolean waits(A args) {
        return waits.test(args);
    }

    /** What a caller can do when the call fails with {@code NOT_FOUND}, or null. */
    public String notFoundHint() {
        return notFoundHint;
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
            requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("tool name must match " + NAME + ", but was '" + name + "'");
            }
            this.name = name;
            this.arguments = requireNonNull(arguments, "arguments");
            this.result = requireNonNull(result, "result");
            if (!arguments.isRecord() || !result.isRecord()) {
                throw new IllegalArgumentException("tool '" + name + "': arguments and result must be records");
            }
        }

        public Builder<A, R> title(String title) {
            this.title = requireNonNull(title, "title");
            return this;
        }

        public Builder<A, R> description(String description) {
            this.description = requireNonNull(description, "description");
            return this;
        }

        public Builder<A, R> hints(ToolHints hints) {
            this.hints = requireNonNull(hints, "hints");
            return this;
        }

        public Builder<A, R> toolset(Toolset toolset) {
            this.toolset = requireNonNull(toolset, "toolset");
            return this;
        }

        /** Calls for which {@code waits} holds run in the waiting capacity; by default no call waits. */
        public Builder<A, R> waitsWhen(Predicate<A> waits) {
            this.waits = requireNonNull(waits, "waits");
            return this;
        }

        /** Appended to the message of a {@code NOT_FOUND} failure, e.g. how to create what is missing. */
        public Builder<A, R> notFoundHint(String hint) {
            this.notFoundHint = requireNonNull(hint, "hint");
            return this;
        }

        public Builder<A, R> handler(ToolHandler<A, R> handler) {
            this.handler = requireNonNull(handler, "handler");
            return this;
        }

        public ToolDefinition<A, R> build() {
            return new ToolDefinition<>(this);
        }
    }
}
