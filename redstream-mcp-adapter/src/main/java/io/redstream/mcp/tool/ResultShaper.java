package io.redstream.mcp.tool;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.redstream.core.LimitExceededException;

/**
 * Turns a result record into the tool result a client receives — structured content plus the same JSON as text —
 * and keeps the whole response line under the result cap ({@code --max-result-bytes}). A result that would not fit
 * is cut by dropping trailing items of its top-level arrays and marked {@code "truncated": true}; a result with no
 * array to cut (one huge value) is refused with {@code LIMIT_EXCEEDED} instead of being silently cut. Tools with
 * side effects return small results or arrays, so a write is never reported as failed after it happened.
 * Thread-safe.
 */
final class ResultShaper {

    /** Result property set to {@code true} when the server cut a list to the result cap. */
    static final String TRUNCATED = "truncated";

    /**
     * Room for the JSON-RPC envelope around the two copies of the result ({@code jsonrpc}, {@code id} of at most a
     * few hundred characters, {@code content}, {@code isError}).
     */
    static final int ENVELOPE_BYTES = 1024;

    private static final Logger log = LoggerFactory.getLogger(ResultShaper.class);

    private final ObjectMapper mapper;
    private final int maxLineBytes;

    ResultShaper(ObjectMapper mapper, int maxLineBytes) {
        this.mapper = requireNonNull(mapper, "mapper");
        this.maxLineBytes = maxLineBytes;
    }

    CallToolResult shape(String tool, Object result) throws JsonProcessingException {
        // The usual case writes the record once: that JSON is both the text and, as a raw value, the structured copy.
        String direct = mapper.writeValueAsString(result);
        if (lineBytes(direct) <= maxLineBytes) {
            return success(new RawValue(direct), direct);
        }
        ObjectNode tree = mapper.valueToTree(result);
        String json = direct;
        List<String> arrays = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isArray()) {
                arrays.add(e.getKey());
            }
        }
        long size = lineBytes(json);
        if (arrays.isEmpty()) {
            throw tooLarge(tool, size);
        }
        ObjectNode cut = tree.deepCopy();
        arrays.forEach(name -> cut.set(name, mapper.createArrayNode()));
        cut.put(TRUNCATED, true);
        long budget = maxLineBytes - lineBytes(mapper.writeValueAsString(cut));
        if (budget < 0) {
            throw tooLarge(tool, size);
        }
        for (String name : arrays) {
            ArrayNode kept = (ArrayNode) cut.get(name);
            for (JsonNode item : tree.get(name)) {
                long itemBytes = lineBytes(mapper.writeValueAsString(item)) - ENVELOPE_BYTES + 2;
                if (itemBytes > budget) {
                    budget = 0; // later arrays stay empty rather than skipping ahead of a gap
                    break;
                }
                budget -= itemBytes;
                kept.add(item);
            }
        }
        String cutJson = mapper.writeValueAsString(cut);
        log.info("tool '{}' result cut from {} to {} bytes to fit --max-result-bytes {}", tool, size,
                lineBytes(cutJson), maxLineBytes);
        return success(cut, cutJson);
    }

    private static CallToolResult success(Object structured, String json) {
        return CallToolResult.builder()
                .content(List.of(TextContent.builder(json).build()))
                .structuredContent(structured)
                .isError(false)
                .build();
    }

    /**
     * An upper bound of the response line for a result whose compact JSON is {@code json}: the structured copy,
     * the text copy (escaping can grow each byte to 6 characters only for control characters, which compact JSON
     * holds only escaped already, so quotes and backslashes at 2 bytes are the worst case), and the envelope.
     */
    static long lineBytes(String json) {
        long utf8 = Utf8.length(json);
        long escapes = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"' || c == '\\') {
                escapes++;
            }
        }
        return utf8 + utf8 + escapes + ENVELOPE_BYTES;
    }

    private LimitExceededException tooLarge(String tool, long size) {
        return new LimitExceededException("the result of '" + tool + "' needs about " + size + " bytes, more than"
                + " the result limit of " + maxLineBytes + " bytes (server limit, set by --max-result-bytes); ask"
                + " for less, e.g. a smaller count or a narrower range");
    }
}
