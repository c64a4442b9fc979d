package io.redstream.mcp.cli;

import java.lang.reflect.Field;
import java.util.Map;

import picocli.CommandLine;

/**
 * Supplies an option's value from its {@link Env} variable when the flag is not given; otherwise picocli uses the
 * option's {@code defaultValue}. The environment is passed in, so tests drive it without a child process. Blank
 * values count as unset.
 */
final class EnvDefaults implements CommandLine.IDefaultValueProvider {

    private final Map<String, String> env;

    EnvDefaults(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec arg) {
        if (arg.userObject() instanceof Field field) {
            Env e = field.getAnnotation(Env.class);
            if (e != null) {
                String v = env.get(e.value());
                return v == null || v.isBlank() ? null : v;
            }
        }
        return null;
    }
}
