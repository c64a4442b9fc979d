package io.redstream.mcp.tools;

import java.util.Map;

/** A JSON boolean. */
public final class BooleanSchema extends Schema<BooleanSchema> {

    BooleanSchema() {
    }

    @Override
    String jsonType() {
        return "boolean";
    }

    @Override
    void writeConstraints(Map<String, Object> json) {
    }

    @Override
    String expectation() {
        return "a boolean (true or false)";
    }

    @Override
    Object checkValue(Object value, String path, Violations violations) {
        if (value instanceof Boolean) {
            return value;
        }
        violations.mismatch(path, expectation(), value);
        return null;
    }
}
