package io.redstream.mcp.tool;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The description of a tool argument or result field, as agents read it in the tool's schema. Placeholders in
 * braces are replaced with the server's settings when the schema is made: {@code {max_count}},
 * {@code {max_block_ms}}, {@code {max_value_bytes}}, {@code {max_multi_ops}}, {@code {default_ttl}},
 * {@code {namespace}}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT, ElementType.TYPE})
public @interface Doc {
    String value();
}
