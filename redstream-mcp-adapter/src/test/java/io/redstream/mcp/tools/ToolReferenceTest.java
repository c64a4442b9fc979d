package io.redstream.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.redstream.mcp.ServerConfig;
import io.redstream.mcp.tool.ToolDefinition;
import io.redstream.mcp.tool.ToolSchema;
import io.redstream.mcp.tool.ToolSchemas;
import io.redstream.mcp.tool.ToolSettings;

/**
 * {@code docs/mcp-tools.md} is the tool list a server with default settings serves, rendered: this test renders
 * it again and fails when the file differs. After changing a tool, run it with {@code -Dredstream.writeDocs=true}
 * to rewrite the file.
 */
class ToolReferenceTest {

    private static final Path DOC = Path.of("..", "docs", "mcp-tools.md");

    @Test
    void toolReference_matchesWhatTheServerLists() throws Exception {
        String rendered = render();
        if (Boolean.getBoolean("redstream.writeDocs")) {
            Files.writeString(DOC, rendered, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/mcp-tools.md is stale: run ToolReferenceTest with -Dredstream.writeDocs=true")
                .isEqualTo(rendered);
    }

    static String render() {
        ServerConfig defaults = ServerConfig.defaults();
        ToolSettings settings = new ToolSettings(defaults.limits(), defaults.defaultTtlSeconds(),
                defaults.maxResultBytes(), "nova");
        ToolSchemas schemas = ToolSchemas.load(settings);
        StringBuilder b = new StringBuilder();
        b.append("# MCP tool reference\n\n")
                .append("Every tool the RedStream MCP server offers, as `tools/list` shows it on a server with default")
                .append(" settings (limits in the\nschemas follow the server's flags, see [mcp.md](mcp.md#limits)). This")
                .append(" page is generated from the tools themselves and\nchecked by a test, so it cannot drift from")
                .append(" the server.\n\n")
                .append("Every call may also fail with `UNAUTHENTICATED` (no or bad credential), `ACCESS_DENIED` (the")
                .append(" caller's roles do not allow\nthe operation, or the tool is outside `--toolsets`/`--read-only`),")
                .append(" `INVALID_ARGUMENT` / `LIMIT_EXCEEDED` (arguments that\nbreak the schema or a server limit),")
                .append(" `INVALID_NAME` (a name outside the naming convention) and `UNAVAILABLE` (Redis\ncannot be")
                .append(" reached). Errors are tool results with `isError: true` and text `CODE: message`.\n\n");
        b.append("| tool | toolset | annotations | what it does |\n|---|---|---|---|\n");
        List<ToolDefinition<?, ?>> tools = Tools.all(RedisSite.STANDALONE);
        for (ToolDefinition<?, ?> t : tools) {
            b.append("| [`").append(t.name()).append("`](#").append(t.name()).append(") | ").append(t.toolset().id())
                    .append(" | ").append(hints(t)).append(" | ").append(t.title()).append(" |\n");
        }
        for (ToolDefinition<?, ?> t : tools) {
            ToolSchema s = schemas.of(t);
            b.append("\n## ").append(t.name()).append("\n\n");
            b.append("**").append(t.title()).append("** · toolset `").append(t.toolset().id()).append("` · ")
                    .append(hints(t)).append("\n\n");
            b.append(schemas.description(t)).append("\n\n");
            b.append("Arguments:\n\n");
            properties(b, s.input(), true);
            b.append("\nResult (`structuredContent`):\n\n");
            properties(b, s.output(), false);
            if (t.notFoundHint() != null) {
                b.append("\n`NOT_FOUND` when the group does not exist (").append(t.notFoundHint()).append(").\n");
            }
        }
        return b.toString();
    }

    private static String hints(ToolDefinition<?, ?> t) {
        List<String> h = new ArrayList<>();
        h.add(t.hints().readOnly() ? "read-only" : "writes");
        if (t.hints().destructive()) {
            h.add("destructive");
        }
        if (t.hints().idempotent()) {
            h.add("idempotent");
        }
        return String.join(", ", h);
    }

    private static void properties(StringBuilder b, JsonNode schema, boolean input) {
        JsonNode properties = schema.path("properties");
        if (properties.isEmpty()) {
            b.append("none\n");
            return;
        }
        Set<String> required = new java.util.HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        b.append("| name | type | ").append(input ? "required | default" : "always present").append(" | meaning |\n")
                .append("|---|---|---|").append(input ? "---|" : "").append("---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode n = p.getValue();
            b.append("| `").append(p.getKey()).append("` | ").append(type(n)).append(" | ")
                    .append(required.contains(p.getKey()) ? "yes" : input ? "" : "no");
            if (input) {
                b.append(" | ").append(n.has("default") ? "`" + n.get("default") + "`" : "");
            }
            b.append(" | ").append(n.path("description").asText("").replace("|", "\\|")).append(" |\n");
        }
    }

    private static String type(JsonNode n) {
        if (n.has("enum")) {
            List<String> values = new ArrayList<>();
            n.get("enum").forEach(v -> values.add(v.asText()));
            return "`" + String.join("` \\| `", values) + "`";
        }
        JsonNode type = n.get("type");
        String t = type == null ? "any" : type.isArray() ? String.join(" or ", textList(type)) : type.asText();
        if ("array".equals(t) && n.has("items")) {
            t = "array of " + type(n.get("items"));
        }
        List<String> bounds = new ArrayList<>();
        for (String k : new String[] {"minimum", "maximum", "minItems", "maxItems", "minLength", "maxLength",
            "minProperties", "maxProperties"}) {
            if (n.has(k)) {
                bounds.add(k + " " + n.get(k).asText());
            }
        }
        return bounds.isEmpty() ? t : t + " (" + String.join(", ", bounds) + ")";
    }

    private static List<String> textList(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }
}
