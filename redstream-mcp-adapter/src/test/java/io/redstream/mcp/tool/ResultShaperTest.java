package io.redstream.mcp.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.redstream.core.LimitExceededException;

class ResultShaperTest {

    record Listing(String stream, List<String> items) {
    }

    record Single(String value) {
    }

    private final ObjectMapper json = new ObjectMapper();

    private int lineBytes(CallToolResult r) throws Exception {
        return json.writeValueAsString(McpSchema.JSONRPCResponse.result("a-request-id", r))
                .getBytes(StandardCharsets.UTF_8).length;
    }

    /** The structured content as a client receives it. */
    private JsonNode structured(CallToolResult r) throws Exception {
        return json.readTree(json.writeValueAsString(r.structuredContent()));
    }

    @Test
    void shape_smallResult_isStructuredAndTextTheSame() throws Exception {
        CallToolResult r = new ResultShaper(ToolJson.mapper(), 4096).shape("t", new Listing("s", List.of("a")));
        assertThat(r.isError()).isFalse();
        JsonNode structured = structured(r);
        assertThat(structured.toString()).isEqualTo("{\"stream\":\"s\",\"items\":[\"a\"]}");
        assertThat(((McpSchema.TextContent) r.content().get(0)).text()).isEqualTo(structured.toString());
    }

    @Test
    void shape_tooLarge_cutsTheListAndMarksIt_theWholeLineFits() throws Exception {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            items.add("\"quoted\\" + "x".repeat(40) + i);
        }
        for (int cap : new int[] {8192, 20_000, 40_000}) {
            CallToolResult r = new ResultShaper(ToolJson.mapper(), cap).shape("t", new Listing("s", items));
            JsonNode structured = structured(r);
            assertThat(structured.get("truncated").asBoolean()).isTrue();
            assertThat(structured.get("items").size()).isBetween(1, 499);
            assertThat(structured.get("stream").asText()).isEqualTo("s");
            assertThat(lineBytes(r)).as("cap " + cap).isLessThanOrEqualTo(cap);
        }
    }

    @Test
    void shape_oneHugeValueWithoutAList_isLimitExceeded() {
        ResultShaper shaper = new ResultShaper(ToolJson.mapper(), 8192);
        assertThatThrownBy(() -> shaper.shape("redis_get", new Single("v".repeat(5000))))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("the result of 'redis_get'").hasMessageContaining("--max-result-bytes");
    }
}
