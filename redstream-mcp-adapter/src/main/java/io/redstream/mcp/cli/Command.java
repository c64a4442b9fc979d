package io.redstream.mcp.cli;

/** What the command line asks for. */
public enum Command {
    /** Run the MCP server (the default). */
    SERVE,
    /** Print the usage and exit 0. */
    HELP,
    /** {@code keygen ...}: generate an API key ({@link KeygenCommand}). */
    KEYGEN,
    /** {@code token ...}: mint a JWT for a service identity ({@link TokenCommand}). */
    TOKEN,
    /** {@code embedded-redis ...}: run the bundled Redis alone until stdin closes ({@link EmbeddedRedisCommand}). */
    EMBEDDED_REDIS
}
