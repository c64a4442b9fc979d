package io.redstream.mcp.tool;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

/**
 * The tool schemas the build derived from the argument and result records ({@link ToolSchemaGenerator}, written
 * to {@value #RESOURCE}), made concrete for one server: limits become {@code maximum}/{@code maxItems} values,
 * defaults are filled in, and placeholders in descriptions are replaced. Loading is one small JSON read, which is
 * why schemas are not generated at start-up. Immutable; thread-safe.
 */
public final class ToolSchemas {

    /** Where the build writes the schemas of every tool. */
    public static final String RESOURCE = "/META-INF/redstream/tool-schemas.json";

    private final JsonNode all;
    private final ToolSettings settings;
    private final ObjectMapper json = new ObjectMapper();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());

    private ToolSchemas(JsonNode all, ToolSettings settings) {
        this.all = all;
        this.settings = settings;
    }

    /**
     * The schemas packaged with the server, for {@code settings}.
     *
     * @throws IllegalStateException when the build did not write them
     */
    public static ToolSchemas load(ToolSettings settings) {
        requireNonNull(settings, "settings");
        try (InputStream in = ToolSchemas.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: the build writes it (mvn package runs"
                        + " SchemaExport in process-classes)");
            }
            return new ToolSchemas(new ObjectMapper().readTree(in), settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Schemas described by {@link ToolSchemaGenerator#describe} (tests, and the build's own check). */
    public static ToolSchemas of(JsonNode described, ToolSettings settings) {
        return new ToolSchemas(requireNonNull(described, "described"), requireNonNull(settings, "settings"));
    }

    /**
     * The schemas of {@code tool}.
     *
     * @throws IllegalStateException when the packaged schemas do not know the tool (a stale build)
     */
    public ToolSchema of(ToolDefinition<?, ?> tool) {
        JsonNode described = all.get(tool.name());
        if (described == null) {
            throw new IllegalStateException("no packaged schema for tool '" + tool.name() + "': rebuild the server");
        }
        ObjectNode input = described.get("input").deepCopy();
        ObjectNode output = described.get("output").deepCopy();
        Map<String, Limit> limits = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = described.get("limits").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            Limit limit = Limit.valueOf(e.getValue().asText());
            limits.put(e.getKey(), limit);
            applyLimit((ObjectNode) input.at(e.getKey()), limit.value(settings));
        }
        Map<String, JsonNode> defaults = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = described.get("defaults").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            ObjectNode node = (ObjectNode) input.at(e.getKey());
            JsonNode value = parseDefault(tool, e.getValue().asText());
            if (value.isIntegralNumber() && node.has("maximum") && value.asLong() > node.get("maximum").asLong()) {
                value = node.get("maximum"); // a server with a lower limit lowers the default with it
            }
            node.set("default", value);
            String pointer = e.getKey();
            if (pointer.startsWith("/properties/") && pointer.indexOf('/', "/properties/".length()) < 0) {
                defaults.put(pointer.substring("/properties/".length()), value);
            }
        }
        fillDescriptions(input);
        fillDescriptions(output);
        return new ToolSchema(input, output, defaults, limits, registry);
    }

    /** {@code description} of the tool, placeholders replaced. */
    public String description(ToolDefinition<?, ?> tool) {
        return settings.fill(tool.description());
    }

    private static void applyLimit(ObjectNode node, long value) {
        String type = node.path("type").asText();
        String keyword = switch (type) {
            case "integer", "number" -> "maximum";
            case "array" -> "maxItems";
            case "string" -> "maxLength";
            default -> "maxProperties";
        };
        JsonNode fixed = node.get(keyword);
        if (fixed == null || fixed.asLong() > value) {
            node.put(keyword, value);
        }
    }

    private JsonNode parseDefault(ToolDefinition<?, ?> tool, String raw) {
        try {
            return json.readTree(settings.fill(raw));
        } catch (IOException e) {
            throw new IllegalStateException("tool '" + tool.name() + "': default " + raw + " is not JSON", e);
        }
    }

    private void fillDescriptions(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode d = object.get("description");
            if (d != null && d.isTextual()) {
                object.set("description", TextNode.valueOf(settings.fill(d.asText())));
            }
        }
        for (JsonNode child : node) {
            fillDescriptions(child);
        }
    }
}
