package io.redstream.mcp.tools;

/** What the server knows about its Redis without asking it, for health reports when Redis cannot be reached. */
public interface RedisSite {

    /** A standalone Redis the server did not start: for building the tool catalog without a server (schemas, docs). */
    RedisSite STANDALONE = new RedisSite() {
        @Override
        public boolean embedded() {
            return false;
        }

        @Override
        public String topology() {
            return "standalone";
        }
    };

    /** Whether the server started its own embedded Redis. */
    boolean embedded();

    /** {@code standalone} or {@code cluster}. */
    String topology();
}
