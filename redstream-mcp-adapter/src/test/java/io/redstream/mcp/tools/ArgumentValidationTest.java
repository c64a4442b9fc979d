package io.redstream.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ArgumentValidationTest {

    private static final ToolSpec TOOL = ToolSpec.builder("sample")
            .description("sample tool")
            .hints(ToolHints.READ_ONLY)
            .input(Schemas.object()
                    .required("key", Schemas.string().nonEmpty())
                    .optional("count", Schemas.integer().min(1).limit(1000, "--max-count").defaultValue(10))
                    .optional("ttl_seconds", Schemas.integer().range(1, 86_400))
                    .optional("condition", Schemas.string().oneOf("nx", "xx"))
                    .optional("reverse", Schemas.bool().defaultValue(false))
                    .optional("value", Schemas.string().maxBytes(16, "--max-value-bytes"))
                    .optional("keys", Schemas.array(Schemas.string().nonEmpty()).nonEmpty().limit(3, "--max-count"))
                    .optional("fields", Schemas.map(Schemas.any()).limit(2, "--max-count"))
                    .optional("operations", Schemas.array(Schemas.object()
                            .required("op", Schemas.string().oneOf("get", "set"))
                            .optional("value", Schemas.string()))))
            .output(Schemas.object().required("ok", Schemas.bool()))
            .handler((args, ctx) -> Map.of("ok", true))
            .build();

    private static Map<String, Object> args(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static ToolException failure(Map<String, Object> raw) {
        try {
            TOOL.validateArguments(raw);
        } catch (ToolException e) {
            return e;
        }
        throw new AssertionError("expected a validation failure for " + raw);
    }

    @Test
    void validateArguments_validCall_appliesDefaultsAndNormalizesIntegers() {
        ToolArguments a = TOOL.validateArguments(args("key", "k", "ttl_seconds", 60));

        assertThat(a.string("key")).isEqualTo("k");
        assertThat(a.longValue("count")).isEqualTo(10L);
        assertThat(a.value("ttl_seconds")).isEqualTo(60L);
        assertThat(a.bool("reverse")).isFalse();
        assertThat(a.has("condition")).isFalse();
        assertThat(a.optionalString("condition")).isEmpty();
        assertThat(a.stringList("keys")).isEmpty();
    }

    @Test
    void validateArguments_missingRequired_isInvalidArgumentNamingTheArgument() {
        ToolException e = failure(args());

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.toResultText()).isEqualTo("INVALID_ARGUMENT: missing required argument 'key' (a non-empty string)");
    }

    @Test
    void validateArguments_nullArguments_areTreatedAsNone() {
        assertThatThrownBy(() -> TOOL.validateArguments(null))
                .isInstanceOf(ToolException.class)
                .hasMessage("missing required argument 'key' (a non-empty string)");
    }

    @Test
    void validateArguments_requiredGivenAsNull_isMissing() {
        assertThat(failure(args("key", null)).getMessage()).startsWith("missing required argument 'key'");
    }

    @Test
    void validateArguments_optionalGivenAsNull_isAbsentAndTakesDefault() {
        ToolArguments a = TOOL.validateArguments(args("key", "k", "count", null));

        assertThat(a.longValue("count")).isEqualTo(10L);
    }

    @Test
    void validateArguments_unknownArgument_isInvalidArgumentListingAcceptedNames() {
        ToolException e = failure(args("key", "k", "cuont", 5));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.getMessage()).isEqualTo("unknown argument 'cuont' (accepted: key, count, ttl_seconds, condition,"
                + " reverse, value, keys, fields, operations)");
    }

    @Test
    void validateArguments_mistypedInteger_isInvalidArgumentWithExpectationAndValue() {
        ToolException e = failure(args("key", "k", "count", "ten"));

        assertThat(e.toResultText())
                .isEqualTo("INVALID_ARGUMENT: argument 'count' must be an integer between 1 and 1000, but was \"ten\"");
    }

    @Test
    void validateArguments_belowMinimum_isInvalidArgument() {
        assertThat(failure(args("key", "k", "count", 0)).toResultText())
                .isEqualTo("INVALID_ARGUMENT: argument 'count' must be an integer between 1 and 1000, but was 0");
    }

    @Test
    void validateArguments_aboveConfiguredLimit_isLimitExceededNamingTheSetting() {
        assertThat(failure(args("key", "k", "count", 1001)).toResultText())
                .isEqualTo("LIMIT_EXCEEDED: argument 'count' must be an integer between 1 and 1000, but was 1001"
                        + " (server limit, set by --max-count)");
    }

    @Test
    void validateArguments_aboveSchemaMaximum_isInvalidArgument() {
        assertThat(failure(args("key", "k", "ttl_seconds", 90_000)).toResultText())
                .isEqualTo("INVALID_ARGUMENT: argument 'ttl_seconds' must be an integer between 1 and 86400, but was 90000");
    }

    @Test
    void validateArguments_integralDouble_isAnInteger_butFractionIsNot() {
        assertThat(TOOL.validateArguments(args("key", "k", "count", 5.0)).longValue("count")).isEqualTo(5L);
        assertThat(failure(args("key", "k", "count", 5.5)).getMessage())
                .isEqualTo("argument 'count' must be an integer between 1 and 1000, but was 5.5");
    }

    @Test
    void validateArguments_booleanForInteger_isMistyped() {
        assertThat(failure(args("key", "k", "count", true)).getMessage())
                .isEqualTo("argument 'count' must be an integer between 1 and 1000, but was true");
    }

    @Test
    void validateArguments_enumMismatch_listsTheChoices() {
        assertThat(failure(args("key", "k", "condition", "maybe")).getMessage())
                .isEqualTo("argument 'condition' must be one of \"nx\", \"xx\", but was \"maybe\"");
    }

    @Test
    void validateArguments_emptyRequiredString_isInvalid() {
        assertThat(failure(args("key", "")).getMessage()).isEqualTo("argument 'key' must be a non-empty string, but was \"\"");
    }

    @Test
    void validateArguments_stringForBoolean_isMistyped() {
        assertThat(failure(args("key", "k", "reverse", "yes")).getMessage())
                .isEqualTo("argument 'reverse' must be a boolean (true or false), but was \"yes\"");
    }

    @Test
    void validateArguments_valueOverByteLimit_isLimitExceededInBytes() {
        // 6 characters of 3 bytes each: 18 bytes > 16
        ToolException e = failure(args("key", "k", "value", "\u20ac".repeat(6)));

        assertThat(e.toResultText()).isEqualTo("LIMIT_EXCEEDED: argument 'value' must be at most 16 bytes as UTF-8,"
                + " but was 18 bytes (server limit, set by --max-value-bytes)");
    }

    @Test
    void validateArguments_arrayTooLong_isLimitExceeded_andEmptyIsInvalid() {
        assertThat(failure(args("key", "k", "keys", List.of("a", "b", "c", "d"))).toResultText())
                .isEqualTo("LIMIT_EXCEEDED: argument 'keys' must be an array of 1 to 3 items, but was an array of 4 items"
                        + " (server limit, set by --max-count)");
        assertThat(failure(args("key", "k", "keys", List.of())).toResultText())
                .isEqualTo("INVALID_ARGUMENT: argument 'keys' must be an array of 1 to 3 items, but was an array of 0 items");
    }

    @Test
    void validateArguments_badArrayItem_namesItsIndex() {
        assertThat(failure(args("key", "k", "keys", List.of("a", 7))).getMessage())
                .isEqualTo("argument 'keys[1]' must be a non-empty string, but was 7");
    }

    @Test
    void validateArguments_nestedObjects_reportPathOfMissingAndUnknown() {
        ToolException e = failure(args("key", "k", "operations",
                List.of(Map.of("op", "get"), Map.of("value", "v", "ttl", 5))));

        assertThat(e.getMessage()).isEqualTo("missing required argument 'operations[1].op' (one of \"get\", \"set\");"
                + " unknown argument 'operations[1].ttl' (allowed there: op, value)");
    }

    @Test
    void validateArguments_mapTooLarge_isLimitExceeded_andValuesMayBeAnyJson() {
        ToolArguments ok = TOOL.validateArguments(args("key", "k", "fields", Map.of("a", 1, "b", List.of(true))));
        assertThat(ok.map("fields")).containsEntry("a", 1);

        assertThat(failure(args("key", "k", "fields", Map.of("a", 1, "b", 2, "c", 3))).code())
                .isEqualTo(ErrorCode.LIMIT_EXCEEDED);
    }

    @Test
    void validateArguments_objectListAccess_givesTypedItems() {
        ToolArguments a = TOOL.validateArguments(args("key", "k", "operations", List.of(Map.of("op", "set", "value", "v"))));

        assertThat(a.objectList("operations")).singleElement()
                .satisfies(op -> assertThat(op.string("op")).isEqualTo("set"));
    }

    @Test
    void validateArguments_invalidAndLimit_together_isInvalidArgumentWithBothMessages() {
        ToolException e = failure(args("key", "k", "count", 5000, "reverse", 1));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("'count'").contains("'reverse'");
    }

    @Test
    void validateArguments_manyViolations_areCappedWithACount() {
        Map<String, Object> raw = args("key", "k");
        for (int i = 0; i < 12; i++) {
            raw.put("extra" + i, i);
        }
        assertThat(failure(raw).getMessage()).endsWith("; and 4 more");
    }

    @Test
    void validateArguments_longStringValue_isCutInTheMessage() {
        String message = failure(args("key", "k", "condition", "z".repeat(500))).getMessage();

        assertThat(message).contains("... (a string of 500 characters)").hasSizeLessThan(200);
    }

    @Test
    void accessors_misuse_isAProgrammingError() {
        ToolArguments a = TOOL.validateArguments(args("key", "k"));

        assertThatThrownBy(() -> a.string("condition")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("argument 'condition' is absent");
        assertThatThrownBy(() -> a.longValue("key")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is String, not Long");
    }
}
