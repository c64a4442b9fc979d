package io.redstream.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.redstream.core.Limits;
import io.redstream.mcp.tool.ToolDefinition;
import io.redstream.mcp.tool.ToolSchema;
import io.redstream.mcp.tool.ToolSchemas;
import io.redstream.mcp.tool.ToolSettings;

/** The packaged tool schemas: current, valid JSON Schema 2020-12, and made concrete for a server's settings. */
class ToolSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RedisSite SITE = RedisSite.STANDALONE;

    private static ToolSettings settings(int maxCount) {
        return new ToolSettings(Limits.builder().maxCount(maxCount).maxBlock(Duration.ofSeconds(7))
                .maxTransactionOperations(9).maxValueBytes(4096).build(), 600, 1 << 20, "nova");
    }

    @Test
    void packagedResource_isWhatTheRecordsDescribeNow() throws Exception {
        try (InputStream in = ToolSchemas.class.getResourceAsStream(ToolSchemas.RESOURCE)) {
            assertThat(in).as("written by the build").isNotNull();
            assertThat(JSON.readTree(in)).isEqualTo(JSON.readTree(JSON.writeValueAsString(SchemaExport.describeAll())));
        }
    }

    @Test
    void everySchema_conformsToJsonSchema202012() {
        DefaultJsonSchemaValidator validator = new DefaultJsonSchemaValidator();
        ToolSchemas schemas = ToolSchemas.load(settings(1000));
        for (ToolDefinition<?, ?> tool : Tools.all(SITE)) {
            ToolSchema s = schemas.of(tool);
            for (JsonNode schema : new JsonNode[] {s.input(), s.output()}) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = JSON.convertValue(schema, Map.class);
                var response = validator.validateSchema(map);
                assertThat(response.valid()).as(tool.name() + ": " + response.errorMessage()).isTrue();
            }
            assertThat(s.input().path("type").asText()).as(tool.name()).isEqualTo("object");
            assertThat(s.input().path("additionalProperties").asBoolean(true)).as(tool.name()).isFalse();
        }
    }

    @Test
    void limitsDefaultsAndPlaceholders_followTheSettings() {
        ToolSchemas schemas = ToolSchemas.load(settings(50));
        ToolSchema read = schemas.of(GroupTools.read());
        assertThat(read.input().at("/properties/count/maximum").asLong()).isEqualTo(50);
        assertThat(read.input().at("/properties/block_ms/maximum").asLong()).isEqualTo(7000);
        assertThat(read.defaults()).containsEntry("count", JSON.valueToTree(10)).containsKey("block_ms");
        ToolSchema multi = schemas.of(MultiTool.tool());
        assertThat(multi.input().at("/properties/operations/maxItems").asLong()).isEqualTo(9);
        ToolSchema set = schemas.of(KeyTools.set());
        assertThat(set.defaults()).containsEntry("ttl_seconds", JSON.valueToTree(600));
        assertThat(set.input().at("/properties/value/description").asText()).contains("4096 bytes");
        assertThat(schemas.description(KeyTools.set())).contains("600 s").doesNotContain("{default_ttl}");
    }

    @Test
    void aDefaultAboveALimit_isLoweredToTheLimit() {
        ToolSchema list = ToolSchemas.load(settings(20)).of(StreamTools.list());
        assertThat(list.defaults().get("count").asInt()).isEqualTo(20);
        assertThat(list.input().at("/properties/count/default").asInt()).isEqualTo(20);
    }

    @Test
    void resultsWithLists_declareTheTruncationMarker_andNoKnownPlaceholderIsLeft() {
        ToolSchemas schemas = ToolSchemas.load(settings(1000));
        for (ToolDefinition<?, ?> tool : Tools.all(SITE)) {
            ToolSchema s = schemas.of(tool);
            boolean lists = false;
            for (JsonNode p : s.output().path("properties")) {
                lists |= "array".equals(p.path("type").asText());
            }
            assertThat(s.output().at("/properties/truncated").isMissingNode()).as(tool.name()).isEqualTo(!lists);
            String text = s.input().toString() + s.output() + schemas.description(tool);
            assertThat(text).as(tool.name()).doesNotContain("{max_").doesNotContain("{default_ttl}")
                    .doesNotContain("{namespace}");
        }
    }
}
