package io.redstream.mcp.transport;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import io.modelcontextprotocol.spec.McpSchema;

/**
 * Writes the tool results the server makes — text content, an error flag and structured content, nothing else —
 * field by field instead of through Jackson's reflective bean serializer: every reply of a tool call goes through
 * here, and it is most of the work of writing one. Any other shape (other content types, annotations, meta) falls
 * back to the SDK's own serialization, so the output is the same either way.
 */
final class ToolResultSerializer extends StdSerializer<McpSchema.CallToolResult> {

    private static final long serialVersionUID = 1L;

    private final transient JsonSerializer<Object> fallback;

    private ToolResultSerializer(JsonSerializer<Object> fallback) {
        super(McpSchema.CallToolResult.class);
        this.fallback = fallback;
    }

    /** A module that installs this serializer in front of the default one. */
    static SimpleModule module() {
        SimpleModule module = new SimpleModule("redstream-tool-results");
        module.setSerializerModifier(new BeanSerializerModifier() {
            private static final long serialVersionUID = 1L;

            @Override
            @SuppressWarnings("unchecked")
            public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription description,
                    JsonSerializer<?> serializer) {
                if (description.getBeanClass() == McpSchema.CallToolResult.class) {
                    return new ToolResultSerializer((JsonSerializer<Object>) serializer);
                }
                return description.getBeanClass() == McpSchema.JSONRPCResponse.class
                        ? new ResponseSerializer((JsonSerializer<Object>) serializer) : serializer;
            }
        });
        return module;
    }

    @Override
    public void serialize(McpSchema.CallToolResult result, JsonGenerator gen, SerializerProvider provider)
            throws IOException {
        if (!plain(result)) {
            fallback.serialize(result, gen, provider);
            return;
        }
        gen.writeStartObject();
        gen.writeArrayFieldStart("content");
        for (McpSchema.Content c : result.content()) {
            gen.writeStartObject();
            gen.writeStringField("type", "text");
            gen.writeStringField("text", ((McpSchema.TextContent) c).text());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        if (result.isError() != null) {
            gen.writeBooleanField("isError", result.isError());
        }
        if (result.structuredContent() != null) {
            gen.writeFieldName("structuredContent");
            provider.defaultSerializeValue(result.structuredContent(), gen);
        }
        gen.writeEndObject();
    }

    private static boolean plain(McpSchema.CallToolResult result) {
        if (result.meta() != null || result.content() == null) {
            return false;
        }
        for (McpSchema.Content c : result.content()) {
            if (!(c instanceof McpSchema.TextContent t) || t.annotations() != null || t.meta() != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes a JSON-RPC response field by field ({@code jsonrpc}, {@code id}, then {@code result} or {@code error}),
     * the envelope of every reply; an error with {@code data} falls back to the SDK's own serialization.
     */
    static final class ResponseSerializer extends StdSerializer<McpSchema.JSONRPCResponse> {

        private static final long serialVersionUID = 1L;

        private final transient JsonSerializer<Object> fallback;

        ResponseSerializer(JsonSerializer<Object> fallback) {
            super(McpSchema.JSONRPCResponse.class);
            this.fallback = fallback;
        }

        @Override
        public void serialize(McpSchema.JSONRPCResponse response, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            McpSchema.JSONRPCResponse.JSONRPCError error = response.error();
            if (error != null && error.data() != null) {
                fallback.serialize(response, gen, provider);
                return;
            }
            gen.writeStartObject();
            gen.writeStringField("jsonrpc", response.jsonrpc());
            gen.writeFieldName("id");
            provider.defaultSerializeValue(response.id(), gen);
            if (error != null) {
                gen.writeObjectFieldStart("error");
                gen.writeNumberField("code", error.code());
                gen.writeStringField("message", error.message());
                gen.writeEndObject();
            } else {
                gen.writeFieldName("result");
                provider.defaultSerializeValue(response.result(), gen);
            }
            gen.writeEndObject();
        }
    }
}
