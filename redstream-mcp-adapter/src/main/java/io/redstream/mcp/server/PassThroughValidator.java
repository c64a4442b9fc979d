package io.redstream.mcp.server;

import java.util.Map;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;

/**
 * The schema validator handed to the MCP SDK. The SDK would check every tool schema against the JSON Schema meta-
 * schema at start-up and every structured result against its output schema on every call; the server validates
 * arguments itself (with coded messages) and its results are checked against their schemas by the tests, for
 * every tool — so in production this accepts everything and costs nothing.
 */
enum PassThroughValidator implements JsonSchemaValidator {
    INSTANCE;

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
        return ValidationResponse.asValid(null);
    }

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        return ValidationResponse.asValid(null);
    }
}
