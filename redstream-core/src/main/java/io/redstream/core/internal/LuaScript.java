package io.redstream.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script on exactly one key, so it is atomic on a standalone Redis and on a cluster alike (one key, one
 * slot). Sent as {@code EVALSHA}; a server that does not know it yet (first use, restart, failover) gets
 * {@code EVAL} once, which also caches it there.
 *
 * <p>Immutable and thread-safe.
 */
public final class LuaScript {
    private final String text;
    private final String sha;

    /**
     * A script of the given source; its SHA-1 is computed once here.
     *
     * @param text the Lua source
     */
    public LuaScript(String text) {
        this.text = text;
        this.sha = sha1(text);
    }

    /**
     * Runs the script on {@code key} with {@code args}; the reply is Jedis' decoded object (lists, strings, longs).
     *
     * @param gateway the gateway to run it through
     * @param operation the kind of call, for the metric tag and the error message
     * @param key the one key the script touches
     * @param args the script's arguments ({@code ARGV})
     * @return the decoded reply
     * @throws io.redstream.core.RedStreamException the script failed, translated
     */
    public Object run(RedisGateway gateway, Operation operation, String key, List<String> args) {
        List<String> keys = List.of(key);
        return gateway.call(operation, key, j -> {
            try {
                return j.evalsha(sha, keys, args);
            } catch (JedisNoScriptException notCached) {
                return j.eval(text, keys, args);
            }
        });
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JVM", e);
        }
    }

    /**
     * Reply helpers: Lua tables arrive as lists, strings as strings, integers as longs.
     *
     * @param reply a script reply or one of its elements
     * @return the reply as a list, or an empty list when it is not one
     */
    public static List<?> list(Object reply) {
        return reply instanceof List<?> l ? l : List.of();
    }

    /**
     * A reply element as text: bulk strings decoded as UTF-8, other values by {@code toString()}.
     *
     * @param reply a script reply or one of its elements; may be {@code null}
     * @return the text, or {@code null} for a {@code null} reply
     */
    public static String string(Object reply) {
        return reply == null ? null : reply instanceof byte[] b ? new String(b, StandardCharsets.UTF_8)
                : reply.toString();
    }
}
