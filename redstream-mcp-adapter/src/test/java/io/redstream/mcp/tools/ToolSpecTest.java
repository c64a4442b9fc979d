package io.redstream.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.redstream.mcp.ServerConfig;
import io.redstream.mcp.TestTools;

class ToolSpecTest {

    private static ToolSpec.Builder minimal(String name) {
        return ToolSpec.builder(name).description("d").hints(ToolHints.READ_ONLY)
                .output(Schemas.object().required("ok", Schemas.bool()))
                .handler((a, c) -> Map.of("ok", true));
    }

    @Test
    void builder_nameNotSnakeCase_isRejected() {
        assertThatThrownBy(() -> ToolSpec.builder("Stream-Read"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("but was 'Stream-Read'");
    }

    @Test
    void build_missingDescriptionOrOutput_isRejected() {
        assertThatThrownBy(() -> minimal("x").description(null).build()).isInstanceOf(NullPointerException.class)
                .hasMessage("description");
        assertThatThrownBy(() -> minimal("x").output(null).build()).isInstanceOf(NullPointerException.class)
                .hasMessage("output");
    }

    @Test
    void build_invalidDefault_isRejected() {
        assertThatThrownBy(() -> minimal("x")
                .input(Schemas.object().optional("count", Schemas.integer().range(1, 10).defaultValue(50))).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tool 'x': default of argument 'count' must be an integer between 1 and 10, but was 50");
    }

    @Test
    void inputSchema_rendersJsonSchemaWithRequiredDefaultsAndNoExtras() {
        ToolSpec spec = minimal("x").input(Schemas.object()
                .required("key", Schemas.string().nonEmpty().description("the key"))
                .optional("count", Schemas.integer().min(1).limit(1000, "--max-count").defaultValue(10)))
                .build();

        assertThat(spec.inputSchema()).isEqualTo(Map.of(
                "type", "object",
                "properties", Map.of(
                        "key", Map.of("type", "string", "description", "the key", "minLength", 1),
                        "count", Map.of("type", "integer", "minimum", 1L, "maximum", 1000L, "default", 10)),
                "required", List.of("key"),
                "additionalProperties", false));
    }

    @Test
    void outputSchema_withTopLevelArray_getsTruncatedMarker() {
        ToolSpec spec = TestTools.listItems(ServerConfig.builder().build());

        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) spec.outputSchema().get("properties");
        assertThat(properties).containsKey(ToolSpec.TRUNCATED);
        assertThat(spec.outputArrays()).containsExactly("items");
        assertThat(minimal("y").build().outputSchema().get("properties")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).doesNotContainKey(ToolSpec.TRUNCATED);
    }

    @Test
    void checkResult_reportsViolationsAsResultFields() {
        ToolSpec spec = TestTools.badOutput();

        assertThat(spec.checkResult(Map.of("count", "x")))
                .containsExactly("result field 'count' must be an integer, but was \"x\"");
        assertThat(spec.checkResult(Map.of("count", 3))).isEmpty();
    }

    @Test
    void nullableOutputField_acceptsNull_butMustBePresent() {
        ToolSpec spec = minimal("g").output(Schemas.object().required("value", Schemas.string().nullable())).build();
        Map<String, Object> withNull = new java.util.HashMap<>();
        withNull.put("value", null);

        assertThat(spec.checkResult(withNull)).isEmpty();
        assertThat(spec.checkResult(Map.of())).containsExactly("missing required result field 'value' (a string)");
        assertThat(spec.outputSchema().get("properties")).isEqualTo(Map.of("value", Map.of("type", List.of("string", "null"))));
    }

    @Test
    void renderedSchemas_conformToJsonSchema2020_12_perTheSdkValidator() {
        DefaultJsonSchemaValidator sdk = new DefaultJsonSchemaValidator();
        for (ToolSpec spec : TestTools.all(ServerConfig.builder().build())) {
            assertThat(sdk.validateSchema(spec.inputSchema()).valid()).as(spec.name() + " input").isTrue();
            assertThat(sdk.validateSchema(spec.outputSchema()).valid()).as(spec.name() + " output").isTrue();
        }
    }

    @Test
    void sdkValidator_agreesWithOurs_onValidAndInvalidArguments() {
        DefaultJsonSchemaValidator sdk = new DefaultJsonSchemaValidator();
        ToolSpec echo = TestTools.echo(ServerConfig.builder().build());
        List<Map<String, Object>> valid = List.of(Map.of("text", "a"), Map.of("text", "a", "repeat", 3, "upper", true));
        List<Map<String, Object>> invalid = List.of(Map.of(), Map.of("text", ""), Map.of("text", "a", "repeat", 0),
                Map.of("text", "a", "repeat", 1001), Map.of("text", "a", "extra", 1), Map.of("text", 5));

        for (Map<String, Object> args : valid) {
            assertThat(sdk.validate(echo.inputSchema(), args).valid()).as("sdk " + args).isTrue();
            echo.validateArguments(args);
        }
        for (Map<String, Object> args : invalid) {
            assertThat(sdk.validate(echo.inputSchema(), args).valid()).as("sdk " + args).isFalse();
            assertThatThrownBy(() -> echo.validateArguments(args)).as("ours " + args).isInstanceOf(ToolException.class);
        }
    }

    @Test
    void catalog_duplicateNames_andWrongReadOnlyHintOnContractTool_areRejected() {
        ToolSpec a = minimal("redis_get").build();
        assertThatThrownBy(() -> ToolCatalog.of(List.of(a, a))).hasMessage("tool 'redis_get' is registered twice");

        ToolSpec writeGet = minimal("redis_get").hints(ToolHints.write(false, true)).build();
        assertThatThrownBy(() -> ToolCatalog.of(List.of(writeGet))).hasMessageContaining("'redis_get' must be read-only");

        ToolSpec readOnlySet = minimal("redis_set").build();
        assertThatThrownBy(() -> ToolCatalog.of(List.of(readOnlySet))).hasMessageContaining("'redis_set' must not be read-only");
    }

    @Test
    void catalog_available_inReadOnlyMode_keepsOnlyReadOnlyTools() {
        ToolCatalog catalog = ToolCatalog.of(TestTools.all(ServerConfig.builder().build()));

        assertThat(catalog.available(false)).hasSize(6);
        assertThat(catalog.available(true)).extracting(ToolSpec::name).doesNotContain("counter_add");
    }

    @Test
    void contractSets_matchDesign() {
        assertThat(ToolCatalog.CONTRACT_TOOLS).hasSize(18).containsAll(ToolCatalog.READ_ONLY_TOOLS);
        assertThat(ToolCatalog.READ_ONLY_TOOLS).hasSize(8);
    }

    @Test
    void hints_readOnlyAndDestructive_isRejected() {
        assertThatThrownBy(() -> new ToolHints(true, true, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jsonSize_estimate_matchesJacksonForPlainValues() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        Object value = Map.of("a", List.of(1, "b\u20ac", true), "c", Map.of("d", 2.5));
        assertThat(AnySchema.jsonSize(value, Long.MAX_VALUE)).isEqualTo(mapper.writeValueAsBytes(value).length);
        assertThat(StringSchema.utf8Length("a\u20ac\uD83D\uDE00")).isEqualTo("a\u20ac\uD83D\uDE00".getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }
}
