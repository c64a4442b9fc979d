package io.redstream.mcp.tool;

/**
 * The behaviour annotations a client shows next to a tool (MCP {@code ToolAnnotations}). No RedStream tool
 * reaches outside the server's own Redis, so {@code openWorldHint} is always false.
 *
 * @param readOnly    the tool changes nothing
 * @param destructive a write may delete or overwrite data
 * @param idempotent  repeating the same call has no further effect
 */
public record ToolHints(boolean readOnly, boolean destructive, boolean idempotent) {

    public static final ToolHints READ_ONLY = new ToolHints(true, false, true);

    public static ToolHints write(boolean destructive, boolean idempotent) {
        return new ToolHints(false, destructive, idempotent);
    }
}
