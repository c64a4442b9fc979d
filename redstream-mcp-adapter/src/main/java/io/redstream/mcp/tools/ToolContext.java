package io.redstream.mcp.tools;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.function.Function;

/**
 * What a handler knows about the call besides its arguments. Immutable.
 *
 * <p>{@link #caller(Class)} is whoever the server's {@link CallerResolver} found to be calling (with
 * redstream-auth: the {@code Principal}, from {@code REDSTREAM_TOKEN} on stdio). Handlers enforce roles
 * themselves with it: a filtered tool list is not access control.
 */
public final class ToolContext {

    private final String toolName;
    private final String sessionId;
    private final Function<String, Object> attributes;
    private final Object caller;

    /**
     * @param sessionId  the MCP session id, or null
     * @param attributes looks up values the transport attached to the call (null when absent)
     */
    public ToolContext(String toolName, String sessionId, Function<String, Object> attributes) {
        this(toolName, sessionId, attributes, null);
    }

    private ToolContext(String toolName, String sessionId, Function<String, Object> attributes, Object caller) {
        this.toolName = requireNonNull(toolName, "toolName");
        this.sessionId = sessionId;
        this.attributes = requireNonNull(attributes, "attributes");
        this.caller = caller;
    }

    /** A context with no session and no attributes (tests, direct calls). */
    public static ToolContext of(String toolName) {
        return new ToolContext(toolName, null, key -> null);
    }

    /** The same context, with the resolved caller attached. */
    public ToolContext withCaller(Object caller) {
        return new ToolContext(toolName, sessionId, attributes, caller);
    }

    public String toolName() {
        return toolName;
    }

    /** The MCP session id, if the transport has one. */
    public Optional<String> sessionId() {
        return Optional.ofNullable(sessionId);
    }

    /** A value the transport put into the call's context (e.g. HTTP headers). */
    public <T> Optional<T> attribute(String key, Class<T> type) {
        Object value = attributes.apply(key);
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }

    /** The caller resolved for this call, if it is of {@code type}. */
    public <T> Optional<T> caller(Class<T> type) {
        return type.isInstance(caller) ? Optional.of(type.cast(caller)) : Optional.empty();
    }
}
