package io.redstream.mcp.tools;

/**
 * Finds out who is calling, once per tool call and before anything else (the read-only check, argument
 * validation, the handler), so an unauthenticated caller learns nothing but that it must authenticate.
 * The result is handed to the handler as {@link ToolContext#caller(Class)}.
 *
 * <p>Refuse a call by throwing {@link ToolException} with {@link ErrorCode#UNAUTHENTICATED}. Must be
 * thread-safe: calls run concurrently.
 */
@FunctionalInterface
public interface CallerResolver {

    /** Resolves nobody: every call runs with no caller attached. */
    CallerResolver NONE = context -> null;

    /** The caller (for example a principal), or null when there is nothing to attach. */
    Object resolve(ToolContext context) throws Exception;
}
