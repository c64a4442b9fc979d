package io.redstream.mcp.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.redstream.core.InvalidArgumentException;
import io.redstream.core.LimitExceededException;
import io.redstream.core.Limits;

/** Validation and binding of arguments: the coded messages a caller reads, and what reaches a handler. */
class ArgumentBinderTest {

    enum Mode {
        @JsonProperty("fast") FAST,
        @JsonProperty("safe") SAFE
    }

    record Item(@Required String name, @Range(min = 0, max = 9) Integer weight) {
    }

    record Args(@Required @Doc("Key") String key,
            @Range(min = 1, limit = Limit.COUNT) @Default("10") int count,
            @Range(min = 1, max = 100) Long ttlSeconds,
            Mode mode,
            @Range(min = 1, limit = Limit.COUNT) List<String> ids,
            @Range(min = 1) List<Item> items,
            Object value,
            @Default("false") boolean reverse) {

        Args {
            if (mode == Mode.FAST && ttlSeconds != null) {
                throw new IllegalArgumentException("ttl_seconds does not apply to mode 'fast'");
            }
        }
    }

    record Out(String key) {
    }

    private final ToolDefinition<Args, Out> tool = ToolDefinition.builder("test_tool", Args.class, Out.class)
            .title("t").description("d").hints(ToolHints.READ_ONLY).toolset(Toolset.STATE)
            .handler((a, c) -> new Out(a.key())).build();
    private final ToolSchema schema = ToolSchemas.of(describe(), new ToolSettings(Limits.builder().maxCount(3)
            .maxBlock(Duration.ofSeconds(1)).build(), 60, 1 << 20, "nova")).of(tool);
    private final ArgumentBinder binder = new ArgumentBinder(ToolJson.mapper());

    private ObjectNode describe() {
        ObjectNode all = new ObjectMapper().createObjectNode();
        all.set("test_tool", new ToolSchemaGenerator().describe(tool));
        return all;
    }

    private Args bind(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return binder.bind(tool, schema, m);
    }

    @Test
    void bind_validArguments_withDefaultsFilledIn() {
        Args a = bind("key", "k", "mode", "safe", "ids", List.of("a"), "items", List.of(Map.of("name", "x")),
                "value", Map.of("n", 1));
        assertThat(a.key()).isEqualTo("k");
        assertThat(a.count()).isEqualTo(3); // default 10, lowered to the limit of 3
        assertThat(a.reverse()).isFalse();
        assertThat(a.mode()).isEqualTo(Mode.SAFE);
        assertThat(a.items()).containsExactly(new Item("x", null));
        assertThat(a.value()).isEqualTo(Map.of("n", 1));
        assertThat(a.ttlSeconds()).isNull();
    }

    @Test
    void bind_missingRequired_namesTheArgumentAndWhatItMustBe() {
        assertThatThrownBy(() -> bind("count", 1))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("missing required argument 'key' (a string)");
    }

    @Test
    void bind_unknownArgument_listsTheAcceptedOnes() {
        assertThatThrownBy(() -> bind("key", "k", "kee", 1))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("unknown argument 'kee' (accepted: count, ids, items, key, mode, reverse,"
                        + " ttl_seconds, value)");
    }

    @Test
    void bind_wrongTypeOrRange_showsTheRuleAndTheValue() {
        assertThatThrownBy(() -> bind("key", "k", "ttl_seconds", "ten"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("argument 'ttl_seconds' must be an integer between 1 and 100, but was \"ten\"");
        assertThatThrownBy(() -> bind("key", "k", "ttl_seconds", 0))
                .hasMessage("argument 'ttl_seconds' must be an integer between 1 and 100, but was 0");
        assertThatThrownBy(() -> bind("key", "k", "ttl_seconds", 1.5))
                .hasMessageContaining("must be an integer");
        assertThatThrownBy(() -> bind("key", "k", "mode", "turbo"))
                .hasMessage("argument 'mode' must be one of 'fast', 'safe', but was \"turbo\"");
        assertThatThrownBy(() -> bind("key", 42))
                .hasMessage("argument 'key' must be a string, but was 42");
        assertThatThrownBy(() -> bind("key", "k", "reverse", "yes"))
                .hasMessage("argument 'reverse' must be true or false, but was \"yes\"");
    }

    @Test
    void bind_overAServerLimit_isLimitExceeded_namingTheFlag() {
        assertThatThrownBy(() -> bind("key", "k", "count", 4))
                .isInstanceOf(LimitExceededException.class)
                .hasMessage("argument 'count' must be an integer between 1 and 3, but was 4 (server limit, set by"
                        + " --max-count)");
        assertThatThrownBy(() -> bind("key", "k", "ids", List.of("a", "b", "c", "d")))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("argument 'ids' must be an array of 1 to 3 items, but was an array of 4 items");
    }

    @Test
    void bind_limitAndOtherProblemsTogether_isInvalidArgument() {
        assertThatThrownBy(() -> bind("key", "k", "count", 4, "ttl_seconds", 0))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("--max-count").hasMessageContaining("ttl_seconds");
    }

    @Test
    void bind_nestedProblems_namesThePath() {
        assertThatThrownBy(() -> bind("key", "k", "items", List.of(Map.of("name", "x"), Map.of("weight", 12))))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("missing required argument 'items[1].name'")
                .hasMessageContaining("argument 'items[1].weight' must be an integer between 0 and 9, but was 12");
    }

    @Test
    void bind_recordsOwnCheck_isInvalidArgument() {
        assertThatThrownBy(() -> bind("key", "k", "mode", "fast", "ttl_seconds", 5))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("ttl_seconds does not apply to mode 'fast'");
    }

    @Test
    void bind_nullForARequiredString_andNullArguments() {
        assertThatThrownBy(() -> bind("key", null)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("argument 'key' must be a string, but was null");
        assertThatThrownBy(() -> binder.bind(tool, schema, null)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("missing required argument 'key'");
    }

    @Test
    void bind_manyProblems_reportsEightAndCountsTheRest() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", "k");
        for (int i = 0; i < 12; i++) {
            m.put("extra" + i, i);
        }
        assertThatThrownBy(() -> binder.bind(tool, schema, m)).hasMessageEndingWith("; and 4 more");
    }
}
