package io.redstream.core.it;

import io.redstream.core.RedStream;

/** One topology a contract suite runs against: how to build a client for it, and how to inspect it raw. */
interface RedisTarget {
    /** A builder already pointed at the target. */
    RedStream.Builder builder();

    /** Removes every key, on every node. */
    void flushAll();

    /** Total number of keys, on every node. */
    long dbSize();

    /** Whether the target is a cluster (some assertions differ, e.g. slot spreading). */
    boolean isCluster();

    /** A raw client on the target, for tests that inspect or arrange what the client under test cannot; close it. */
    redis.clients.jedis.UnifiedJedis raw();
}
