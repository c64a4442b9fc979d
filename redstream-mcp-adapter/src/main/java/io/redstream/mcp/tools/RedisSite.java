package io.redstream.mcp.tools;

/** What the server knows about its Redis without asking it, for health reports when Redis cannot be reached. */
public interface RedisSite {

    /** Whether the server started its own embedded Redis. */
    boolean embedded();

    /** {@code standalone} or {@code cluster}. */
    String topology();
}
