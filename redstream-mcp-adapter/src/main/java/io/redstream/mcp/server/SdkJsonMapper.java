package io.redstream.mcp.server;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;

/**
 * The JSON mapper the MCP SDK uses, Jackson 2 underneath. The SDK converts every request's params into its request
 * type ({@code convertValue}); Jackson would do that by writing the value out and reading it back even when it
 * already has that type. The transports hand the SDK params that already are the request type (see
 * {@code JsonRpc}), so a value of the target class passes through unchanged. Thread-safe.
 */
final class SdkJsonMapper implements McpJsonMapper {

    private final JacksonMcpJsonMapper jackson;

    SdkJsonMapper(ObjectMapper mapper) {
        this.jackson = new JacksonMcpJsonMapper(requireNonNull(mapper, "mapper"));
    }

    @Override
    public <T> T convertValue(Object from, Class<T> type) {
        return type.isInstance(from) ? type.cast(from) : jackson.convertValue(from, type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T convertValue(Object from, TypeRef<T> type) {
        Type t = type.getType();
        Class<?> raw = t instanceof Class<?> c ? c : t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : null;
        if (raw != null && !(t instanceof ParameterizedType) && raw.isInstance(from)) {
            return (T) from;
        }
        return jackson.convertValue(from, type);
    }

    @Override
    public <T> T readValue(String content, Class<T> type) throws IOException {
        return jackson.readValue(content, type);
    }

    @Override
    public <T> T readValue(byte[] content, Class<T> type) throws IOException {
        return jackson.readValue(content, type);
    }

    @Override
    public <T> T readValue(String content, TypeRef<T> type) throws IOException {
        return jackson.readValue(content, type);
    }

    @Override
    public <T> T readValue(byte[] content, TypeRef<T> type) throws IOException {
        return jackson.readValue(content, type);
    }

    @Override
    public String writeValueAsString(Object value) throws IOException {
        return jackson.writeValueAsString(value);
    }

    @Override
    public byte[] writeValueAsBytes(Object value) throws IOException {
        return jackson.writeValueAsBytes(value);
    }
}
