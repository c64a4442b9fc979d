package io.redstream.mcp.tool;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A result field that is always present but may be {@code null} (for example {@code value} of a missing key).
 * A result field that is left out when it has no value is annotated {@code @JsonInclude(NON_NULL)} instead.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Nullable {
}
