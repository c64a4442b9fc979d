package io.redstream.mcp.tools;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.function.Function;

/**
 * What a handler knows about the call besides its arguments. Immutable.
 *
 * <p>Authentication is not wired yet: once {@code redstream-auth} exists, the caller's principal is
 * resolved per call (from {@code REDSTREAM_TOKEN} on stdio, from the {@code Authorization} header over
 * HTTP) and exposed here; handlers must enforce roles themselves (a filtered tool list is not access
 * control).
 */
public final class ToolContext {

    private final String toolName;
    private final String sessionId;
    private final Function<String, Object> attributes;

    /**
     * @param sessionId  the MCP session id, or null
     * @param attributes looks up values the transport attached to the call (null when absent)
     */
    public ToolContext(String toolName, String sessionId, Function<String, Object> attributes) {
        this.toolName = requireNonNull(toolName, "toolName");
        this.sessionId = sessionId;
        this.attributes = requireNonNull(attributes, "attributes");
    }

    /** A context with no session and no attributes (tests, direct calls). */
    public static ToolContext of(String toolName) {
        return new ToolContext(toolName, null, key -> null);
    }

    public String toolName() {
        return toolName;
    }

    /** The MCP session id, if the transport has one. */
    public Optional<String> sessionId() {
        return Optional.ofNullable(sessionId);
    }

    /** A value the transport put into the call's context (e.g. HTTP headers, later the principal). */
    public <T> Optional<T> attribute(String key, Class<T> type) {
        Object value = attributes.apply(key);
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }
}
