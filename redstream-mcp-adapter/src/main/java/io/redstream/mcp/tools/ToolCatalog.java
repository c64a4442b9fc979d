package io.redstream.mcp.tools;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tools a server offers, by name, in registration order. Immutable.
 *
 * <p>Checks the contract of DESIGN §4 at startup: names are unique, and a contract tool is read-only
 * exactly when DESIGN lists it among the tools {@code --read-only} keeps.
 */
public final class ToolCatalog {

    /** The 18 tool names of the MCP contract (DESIGN §4). */
    public static final Set<String> CONTRACT_TOOLS = Set.of(
            "redis_get", "redis_set", "redis_del", "redis_keys", "redis_expire", "redis_publish",
            "redis_subscribe", "redis_multi", "stream_publish", "stream_read", "stream_group_create",
            "stream_group_read", "stream_ack", "stream_claim", "stream_pending", "stream_info",
            "stream_list", "redis_health");

    /** The contract tools that {@code --read-only} keeps (DESIGN §4). */
    public static final Set<String> READ_ONLY_TOOLS = Set.of(
            "redis_get", "redis_keys", "redis_subscribe", "stream_read", "stream_pending", "stream_info",
            "stream_list", "redis_health");

    private final Map<String, ToolSpec> tools;

    private ToolCatalog(Map<String, ToolSpec> tools) {
        this.tools = tools;
    }

    public static ToolCatalog of(List<ToolSpec> specs) {
        Map<String, ToolSpec> byName = new LinkedHashMap<>();
        for (ToolSpec spec : requireNonNull(specs, "specs")) {
            if (byName.putIfAbsent(spec.name(), spec) != null) {
                throw new IllegalArgumentException("tool '" + spec.name() + "' is registered twice");
            }
            if (CONTRACT_TOOLS.contains(spec.name())
                    && spec.hints().readOnly() != READ_ONLY_TOOLS.contains(spec.name())) {
                throw new IllegalArgumentException("tool '" + spec.name() + "' must "
                        + (spec.hints().readOnly() ? "not " : "") + "be read-only: DESIGN §4 lists the tools --read-only keeps");
            }
        }
        return new ToolCatalog(Collections.unmodifiableMap(byName));
    }

    public static ToolCatalog empty() {
        return new ToolCatalog(Map.of());
    }

    public List<ToolSpec> all() {
        return List.copyOf(tools.values());
    }

    public Optional<ToolSpec> find(String name) {
        return Optional.ofNullable(tools.get(name));
    }

    /** The tools listed and callable in the given mode: in read-only mode, only read-only tools. */
    public List<ToolSpec> available(boolean readOnly) {
        return tools.values().stream().filter(t -> !readOnly || t.hints().readOnly()).toList();
    }

    public int size() {
        return tools.size();
    }
}
