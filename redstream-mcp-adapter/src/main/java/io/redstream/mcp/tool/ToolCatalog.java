package io.redstream.mcp.tool;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The tools a server offers, in {@code tools/list} order, with what decides whether a caller sees and may call
 * them: the server's toolsets and read-only mode. Immutable; thread-safe.
 */
public final class ToolCatalog {

    private final Map<String, RegisteredTool<?, ?>> tools;
    private final Set<Toolset> toolsets;
    private final boolean readOnly;

    private ToolCatalog(Map<String, RegisteredTool<?, ?>> tools, Set<Toolset> toolsets, boolean readOnly) {
        this.tools = tools;
        this.toolsets = Set.copyOf(toolsets);
        this.readOnly = readOnly;
    }

    /**
     * Registers {@code definitions} with their packaged schemas.
     *
     * @param toolsets the groups listed and callable ({@code --toolsets})
     * @param readOnly whether only the read-only tools of observing toolsets are listed and callable
     *     ({@code --read-only}, see {@link Toolset})
     */
    public static ToolCatalog of(List<ToolDefinition<?, ?>> definitions, ToolSchemas schemas, Set<Toolset> toolsets,
            boolean readOnly) {
        requireNonNull(definitions, "definitions");
        requireNonNull(schemas, "schemas");
        ObjectMapper json = new ObjectMapper();
        Map<String, RegisteredTool<?, ?>> tools = new LinkedHashMap<>();
        for (ToolDefinition<?, ?> d : definitions) {
            if (tools.put(d.name(), register(d, schemas, json)) != null) {
                throw new IllegalArgumentException("tool '" + d.name() + "' is defined twice");
            }
        }
        return new ToolCatalog(tools, toolsets, readOnly);
    }

    private static <A, R> RegisteredTool<A, R> register(ToolDefinition<A, R> d, ToolSchemas schemas, ObjectMapper json) {
        return new RegisteredTool<>(d, schemas.of(d), schemas.description(d), json);
    }

    /** Every registered tool, enabled or not (all are registered with the SDK so a hidden one gets a coded error). */
    public List<RegisteredTool<?, ?>> all() {
        return List.copyOf(tools.values());
    }

    public Optional<RegisteredTool<?, ?>> find(String name) {
        return Optional.ofNullable(tools.get(name));
    }

    /** Whether {@code tool} is listed and callable on this server. */
    public boolean enabled(ToolDefinition<?, ?> tool) {
        return toolsets.contains(tool.toolset()) && (!readOnly || servedReadOnly(tool));
    }

    /** Why {@code tool} is not callable here, or null when it is. */
    public String refusal(ToolDefinition<?, ?> tool) {
        if (!toolsets.contains(tool.toolset())) {
            return "tool '" + tool.name() + "' is not enabled on this server: its toolset '" + tool.toolset().id()
                    + "' is not in --toolsets (" + String.join(",", toolsets.stream().map(Toolset::id).sorted().toList())
                    + ")";
        }
        if (readOnly && !servedReadOnly(tool)) {
            return "tool '" + tool.name() + "' is not available: the server runs with --read-only; available tools: "
                    + String.join(", ", enabledNames());
        }
        return null;
    }

    private static boolean servedReadOnly(ToolDefinition<?, ?> tool) {
        return tool.hints().readOnly() && tool.toolset().servedReadOnly();
    }

    /** The names of the tools a caller can list and call. */
    public List<String> enabledNames() {
        List<String> names = new ArrayList<>();
        tools.values().forEach(t -> {
            if (enabled(t.definition())) {
                names.add(t.name());
            }
        });
        return names;
    }
}
