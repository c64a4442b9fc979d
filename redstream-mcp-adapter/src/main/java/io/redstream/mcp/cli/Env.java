package io.redstream.mcp.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The environment variable that sets an option when the flag is not given, next to the option's declaration. The
 * option's description names it too (a test keeps the two in step).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@interface Env {
    String value();
}
