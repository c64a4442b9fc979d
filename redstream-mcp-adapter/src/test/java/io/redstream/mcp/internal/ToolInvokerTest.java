package io.redstream.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.redstream.mcp.ServerConfig;
import io.redstream.mcp.TestTools;
import io.redstream.mcp.tools.Schemas;
import io.redstream.mcp.tools.ToolContext;
import io.redstream.mcp.tools.ToolHints;
import io.redstream.mcp.tools.ToolSpec;

class ToolInvokerTest {

    private static final ServerConfig CONFIG = ServerConfig.builder().build();
    private final ObjectMapper mapper = new ObjectMapper();

    private ToolInvoker invoker(int maxResultBytes, boolean readOnly) {
        return new ToolInvoker(mapper, ErrorMapper.defaults(), maxResultBytes, readOnly, List.of("echo", "fail"));
    }

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().get(0)).text();
    }

    private CallToolResult call(ToolInvoker invoker, ToolSpec spec, Map<String, Object> args) {
        return invoker.call(spec, args, ToolContext.of(spec.name()));
    }

    @Test
    void call_success_returnsStructuredContentAndTheSameJsonAsText() throws Exception {
        CallToolResult r = call(invoker(4096, false), TestTools.echo(CONFIG), Map.of("text", "ab", "repeat", 2));

        assertThat(r.isError()).isFalse();
        assertThat(r.structuredContent()).isEqualTo(Map.of("text", "abab", "length", 4));
        assertThat(mapper.readTree(text(r))).isEqualTo(mapper.valueToTree(Map.of("text", "abab", "length", 4)));
    }

    @Test
    void call_invalidArguments_isErrorResultWithCode() {
        CallToolResult r = call(invoker(4096, false), TestTools.echo(CONFIG), Map.of("text", "a", "repeat", 0));

        assertThat(r.isError()).isTrue();
        assertThat(r.structuredContent()).isNull();
        assertThat(text(r)).isEqualTo("INVALID_ARGUMENT: argument 'repeat' must be an integer between 1 and 1000, but was 0");
    }

    @Test
    void call_readOnlyMode_refusesWriteTools_beforeValidation() {
        CallToolResult r = call(invoker(4096, true), TestTools.counterAdd(), Map.of());

        assertThat(r.isError()).isTrue();
        assertThat(text(r)).isEqualTo("ACCESS_DENIED: tool 'counter_add' is not available: the server runs with"
                + " --read-only; available tools: echo, fail");
    }

    @Test
    void call_readOnlyMode_allowsReadOnlyTools() {
        assertThat(call(invoker(4096, true), TestTools.echo(CONFIG), Map.of("text", "a")).isError()).isFalse();
    }

    @Test
    void call_handlerCrash_isInternalError_neverAStackTrace() {
        CallToolResult r = call(invoker(4096, false), TestTools.fail(), Map.of("code", "crash"));

        assertThat(text(r)).isEqualTo("UNAVAILABLE: internal error (see server log)");
    }

    @Test
    void call_handlerToolException_keepsItsCode() {
        assertThat(text(call(invoker(4096, false), TestTools.fail(), Map.of("code", "NOT_FOUND"))))
                .isEqualTo("NOT_FOUND: failed as requested");
    }

    @Test
    void call_resultViolatingOutputSchema_isInternalError() {
        assertThat(text(call(invoker(4096, false), TestTools.badOutput(), Map.of())))
                .isEqualTo("UNAVAILABLE: internal error (see server log)");
    }

    @Test
    void call_nullResult_isInternalError() {
        ToolSpec nothing = ToolSpec.builder("nothing").description("d").hints(ToolHints.READ_ONLY)
                .output(Schemas.object()).handler((a, c) -> null).build();

        assertThat(text(call(invoker(4096, false), nothing, Map.of()))).isEqualTo("UNAVAILABLE: internal error (see server log)");
    }

    @Test
    void call_resultAboveLimit_cutsTopLevelArrayAndMarksTruncated() throws Exception {
        CallToolResult r = call(invoker(2048, false), TestTools.listItems(CONFIG), Map.of("count", 100));

        assertThat(r.isError()).isFalse();
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) r.structuredContent();
        assertThat(content).containsEntry("truncated", true).containsEntry("total", 100);
        assertThat((List<?>) content.get("items")).hasSizeBetween(10, 25);
        assertThat(text(r).getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
        assertThat(TestTools.listItems(CONFIG).checkResult(content)).isEmpty();
    }

    @Test
    void call_resultUnderLimit_isNotMarked() {
        CallToolResult r = call(invoker(1 << 20, false), TestTools.listItems(CONFIG), Map.of("count", 100));

        assertThat(((Map<?, ?>) r.structuredContent()).containsKey("truncated")).isFalse();
    }

    @Test
    void call_singleValueAboveLimit_isLimitExceeded() {
        CallToolResult r = call(invoker(1024, false), TestTools.echo(CONFIG), Map.of("text", "y".repeat(2000)));

        assertThat(text(r)).startsWith("LIMIT_EXCEEDED: the result of 'echo' is 2025 bytes, more than the result limit of 1024"
                + " bytes (server limit, set by --max-result-bytes)");
    }
}
