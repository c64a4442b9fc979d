package io.redstream.mcp.tools;

/**
 * The MCP tool annotations a client uses to decide how carefully to call a tool
 * ({@code readOnlyHint}, {@code destructiveHint}, {@code idempotentHint}). {@code openWorldHint} is
 * always {@code false}: every tool talks only to the configured Redis.
 *
 * <p>{@link #readOnly()} is also what {@code --read-only} keeps: a tool is listed and callable in
 * read-only mode exactly when it is read-only.
 *
 * @param readOnly    the tool does not modify Redis
 * @param destructive the tool may delete or overwrite data (meaningful only when not read-only)
 * @param idempotent  calling it again with the same arguments has no further effect
 */
public record ToolHints(boolean readOnly, boolean destructive, boolean idempotent) {

    /** Reads only; therefore idempotent and not destructive. */
    public static final ToolHints READ_ONLY = new ToolHints(true, false, true);

    public ToolHints {
        if (readOnly && destructive) {
            throw new IllegalArgumentException("a read-only tool cannot be destructive");
        }
    }

    /** A tool that writes; say whether it may destroy data and whether a retry is harmless. */
    public static ToolHints write(boolean destructive, boolean idempotent) {
        return new ToolHints(false, destructive, idempotent);
    }
}
