package io.redstream.mcp.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.redstream.mcp.tool.ToolDefinition;
import io.redstream.mcp.tool.ToolSchemaGenerator;
import io.redstream.mcp.tool.ToolSchemas;

/**
 * Build step ({@code process-classes}): derives every tool's schemas from its records and writes them where
 * {@link ToolSchemas#RESOURCE} reads them. Runs in the build, never in the server.
 */
public final class SchemaExport {

    private SchemaExport() {
    }

    /** @param args the classes directory to write into */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0], ToolSchemas.RESOURCE.substring(1));
        Files.createDirectories(out.getParent());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), describeAll());
    }

    /** The schemas of every tool, as {@link ToolSchemas} reads them. */
    public static ObjectNode describeAll() {
        ToolSchemaGenerator generator = new ToolSchemaGenerator();
        ObjectNode all = new ObjectMapper().createObjectNode();
        for (ToolDefinition<?, ?> tool : Tools.all(RedisSite.STANDALONE)) {
            all.set(tool.name(), generator.describe(tool));
        }
        return all;
    }
}
