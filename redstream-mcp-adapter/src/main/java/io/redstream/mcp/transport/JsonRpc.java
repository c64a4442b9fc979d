package io.redstream.mcp.transport;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.modelcontextprotocol.spec.McpSchema;

/**
 * The JSON-RPC rules every transport of the server applies to incoming messages before the MCP SDK sees them:
 * strict JSON (a duplicate key, trailing content after the message or invalid UTF-8 is a parse error, never a
 * silent reinterpretation), one message per line or frame (no batches), string or integer ids, object params.
 * Stateless; thread-safe.
 */
public final class JsonRpc {

    public static final int PARSE_ERROR = McpSchema.ErrorCodes.PARSE_ERROR;
    public static final int INVALID_REQUEST = McpSchema.ErrorCodes.INVALID_REQUEST;
    public static final int INVALID_PARAMS = McpSchema.ErrorCodes.INVALID_PARAMS;
    public static final int INTERNAL_ERROR = McpSchema.ErrorCodes.INTERNAL_ERROR;

    private final ObjectMapper strict = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final ObjectMapper writer = new ObjectMapper().registerModule(ToolResultSerializer.module());

    /** A message that broke a rule: the reply to send (id when known), and what to log. */
    public static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Object id;
        private final int code;

        Refusal(Object id, int code, String message) {
            super(message, null, false, false);
            this.id = id;
            this.code = code;
        }

        public Object id() {
            return id;
        }

        public int code() {
            return code;
        }
    }

    /**
     * Parses one message.
     *
     * @return the message, or null for a blank line
     * @throws Refusal when the message breaks a rule; reply with {@link #error}
     */
    public McpSchema.JSONRPCMessage parse(byte[] bytes) throws Refusal {
        JsonNode node;
        try {
            node = strict.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new Refusal(null, PARSE_ERROR, "Parse error: " + reason(e));
        } catch (java.io.IOException e) {
            throw new Refusal(null, PARSE_ERROR, "Parse error: the message could not be read");
        }
        if (node == null || node.isMissingNode()) {
            return null;
        }
        if (node.isArray()) {
            throw new Refusal(null, INVALID_REQUEST, "Invalid Request: JSON-RPC batches are not supported; send one"
                    + " message per line");
        }
        if (!node.isObject()) {
            throw new Refusal(null, INVALID_REQUEST, "Invalid Request: a message must be a JSON object");
        }
        JsonNode idNode = node.get("id");
        Object id = null;
        if (idNode != null) {
            if (idNode.isTextual()) {
                id = idNode.asText();
            } else if (idNode.isIntegralNumber()) {
                id = idNode.numberValue();
            } else {
                throw new Refusal(null, INVALID_REQUEST, "Invalid Request: 'id' must be a string or an integer");
            }
        }
        if (!"2.0".equals(node.path("jsonrpc").textValue())) {
            throw new Refusal(id, INVALID_REQUEST, "Invalid Request: 'jsonrpc' must be \"2.0\"");
        }
        JsonNode method = node.get("method");
        JsonNode params = node.get("params");
        if (method == null) {
            if (id != null && (node.has("result") || node.has("error"))) {
                return writer.convertValue(node, McpSchema.JSONRPCResponse.class);
            }
            throw new Refusal(id, INVALID_REQUEST, "Invalid Request: not a request, notification or response");
        }
        if (!method.isTextual()) {
            throw new Refusal(id, INVALID_REQUEST, "Invalid Request: 'method' must be a string");
        }
        if (params != null && !params.isNull() && !params.isObject()) {
            throw new Refusal(id, INVALID_PARAMS, "Invalid params: 'params' must be an object");
        }
        if (id == null) {
            return new McpSchema.JSONRPCNotification("2.0", method.asText(), params);
        }
        if (McpSchema.METHOD_TOOLS_CALL.equals(method.asText())) {
            return new McpSchema.JSONRPCRequest("2.0", method.asText(), id, toolCall(id, params));
        }
        return new McpSchema.JSONRPCRequest("2.0", method.asText(), id, params);
    }

    /**
     * A {@code tools/call}'s params as the SDK's own request type, its arguments the parsed tree behind a map
     * ({@link ParsedArguments}): the SDK's mapper passes a value of the target type through, so the request is not
     * converted again on its way to the tool.
     */
    @SuppressWarnings("unchecked")
    private McpSchema.CallToolRequest toolCall(Object id, JsonNode params) throws Refusal {
        checkToolCall(id, params);
        JsonNode arguments = params.get("arguments");
        JsonNode meta = params.get("_meta");
        return new McpSchema.CallToolRequest(params.get("name").asText(),
                arguments == null || arguments.isNull() ? java.util.Map.of() : new ParsedArguments((ObjectNode) arguments),
                meta == null || meta.isNull() ? null : writer.convertValue(meta, java.util.Map.class));
    }

    /** The arguments of a {@code tools/call} as this class parsed them, or null when they came another way. */
    public static ObjectNode parsedArguments(Object arguments) {
        return arguments instanceof ParsedArguments p ? p.tree() : null;
    }

    private static void checkToolCall(Object id, JsonNode params) throws Refusal {
        if (params == null || !params.path("name").isTextual()) {
            throw new Refusal(id, INVALID_PARAMS, "Invalid params: tools/call needs 'name', the tool's name");
        }
        JsonNode arguments = params.get("arguments");
        if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
            throw new Refusal(id, INVALID_PARAMS, "Invalid params: 'arguments' must be an object");
        }
        JsonNode meta = params.get("_meta");
        if (meta != null && !meta.isNull() && !meta.isObject()) {
            throw new Refusal(id, INVALID_PARAMS, "Invalid params: '_meta' must be an object");
        }
    }

    /** A JSON-RPC error reply; {@code id} may be null (the request could not be read). */
    public byte[] error(Object id, int code, String message) {
        ObjectNode reply = writer.createObjectNode();
        reply.put("jsonrpc", "2.0");
        if (id == null) {
            reply.putNull("id");
        } else {
            reply.putPOJO("id", id);
        }
        ObjectNode error = reply.putObject("error");
        error.put("code", code);
        error.put("message", message);
        try {
            return writer.writeValueAsBytes(reply);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an error reply", e);
        }
    }

    /** An outgoing message as bytes. */
    public byte[] write(McpSchema.JSONRPCMessage message) throws JsonProcessingException {
        return writer.writeValueAsBytes(message);
    }

    /** Why the parser refused, without echoing the input. */
    private static String reason(JsonProcessingException e) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.startsWith("Duplicate field")) {
            String key = m.substring(m.indexOf('\'') + 1, Math.max(m.indexOf('\'') + 1, m.lastIndexOf('\'')));
            return "duplicate key '" + (key.length() > 64 ? key.substring(0, 64) + "..." : key)
                    + "' (every key may appear once)";
        }
        if (m.contains("Trailing token") || m.contains("trailing token")) {
            return "content after the end of the message (one JSON-RPC message per line)";
        }
        if (m.contains("Invalid UTF-8")) {
            return "the message is not valid UTF-8";
        }
        if (e instanceof JsonParseException) {
            return "the message is not valid JSON";
        }
        return "the message could not be read";
    }
}
