package io.redstream.core.internal;

import io.redstream.core.ConflictException;
import io.redstream.core.InvalidArgumentException;
import io.redstream.core.NotFoundException;
import io.redstream.core.RedStreamConnectionException;
import io.redstream.core.RedStreamException;
import io.redstream.core.RedStreamTimeoutException;
import io.redstream.core.ErrorCode;
import java.net.SocketTimeoutException;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisBusyException;
import redis.clients.jedis.exceptions.JedisClusterOperationException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Turns Jedis exceptions into the RedStream hierarchy at the one boundary where Redis is called, so no Jedis type
 * escapes the API. Messages keep Redis's own error text (it never contains credentials) but never a password or
 * payload.
 */
public final class ErrorTranslator {
    private ErrorTranslator() {
    }

    /**
     * Translates a failure of {@code operation} on {@code subject}; the message starts with what was attempted.
     *
     * @param operation what was attempted
     * @param subject what it acted on, for the message; may be {@code null}
     * @param e the failure; a {@link RedStreamException} is returned as it is
     * @return the RedStream exception to throw
     */
    public static RedStreamException translate(Operation operation, String subject, RuntimeException e) {
        if (e instanceof RedStreamException rse) {
            return rse;
        }
        return translate(operation.describe(subject), e);
    }

    /**
     * Translates a failure of the step described by {@code operation} (e.g. one step of a transaction).
     *
     * @param operation the words that start the message, for example {@code "transaction on nova:agent:a:b"}
     * @param e the failure; a {@link RedStreamException} is returned as it is
     * @return the RedStream exception to throw
     */
    public static RedStreamException translate(String operation, RuntimeException e) {
        if (e instanceof RedStreamException rse) {
            return rse;
        }
        if (e instanceof JedisConnectionException) {
            if (hasCause(e, SocketTimeoutException.class)) {
                return new RedStreamTimeoutException(operation + " timed out waiting for Redis", e);
            }
            return new RedStreamConnectionException(operation + " failed: Redis is unreachable ("
                    + safeMessage(e) + ")", e);
        }
        if (e instanceof JedisAccessControlException) {
            return new RedStreamConnectionException(operation + " failed: Redis rejected the credentials or ACL ("
                    + firstLine(e.getMessage()) + ")", e);
        }
        if (e instanceof JedisBusyException) {
            return new RedStreamConnectionException(operation + " failed: Redis is busy (" + firstLine(e.getMessage())
                    + ")", e);
        }
        if (e instanceof JedisClusterOperationException) {
            return new RedStreamConnectionException(operation + " failed on the cluster (" + firstLine(e.getMessage())
                    + ")", e);
        }
        if (e instanceof JedisDataException) {
            String msg = firstLine(e.getMessage());
            if (msg.startsWith("NOGROUP")) {
                return new NotFoundException(operation + " failed: consumer group or stream does not exist (" + msg
                        + ")", e);
            }
            if (msg.startsWith("BUSYGROUP")) {
                return new ConflictException(operation + " failed: consumer group already exists", e);
            }
            if (msg.startsWith("LOADING") || msg.startsWith("MASTERDOWN") || msg.startsWith("CLUSTERDOWN")
                    || msg.startsWith("TRYAGAIN") || msg.startsWith("READONLY")) {
                return new RedStreamConnectionException(operation + " failed: Redis is not ready (" + msg + ")", e);
            }
            if (msg.startsWith("WRONGTYPE")) {
                return new InvalidArgumentException(operation + " failed: the key holds a value of another type ("
                        + msg + ")", e);
            }
            if (msg.startsWith("OOM")) {
                return new RedStreamException(ErrorCode.LIMIT_EXCEEDED, operation + " failed: Redis is out of memory",
                        e);
            }
            return new InvalidArgumentException(operation + " was rejected by Redis: " + msg, e);
        }
        return new RedStreamException(ErrorCode.UNAVAILABLE, operation + " failed: " + e.getClass().getSimpleName(),
                e);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String safeMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return firstLine(m);
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
