package io.redstream.mcp.tool;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value an optional argument takes when the caller leaves it out, as JSON ({@code "100"}, {@code "\"-\""},
 * {@code "false"}). It is shown in the schema and filled in before the arguments are bound, so a handler never
 * sees the argument missing. Placeholders as in {@link Doc} are allowed ({@code "{default_ttl}"}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Default {
    String value();
}
