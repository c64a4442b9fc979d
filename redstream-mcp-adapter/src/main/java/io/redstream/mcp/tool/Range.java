package io.redstream.mcp.tool;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bounds of an integer argument, or of the size of a string, array or object argument. When {@link #limit()}
 * names a server limit, the upper bound is that limit's current value and exceeding it is reported as
 * {@code LIMIT_EXCEEDED} (naming the flag that sets it); any other violation is {@code INVALID_ARGUMENT}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Range {
    long min() default Long.MIN_VALUE;

    long max() default Long.MAX_VALUE;

    Limit limit() default Limit.NONE;
}
