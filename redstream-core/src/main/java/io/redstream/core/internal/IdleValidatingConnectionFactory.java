package io.redstream.core.internal;

import java.time.Duration;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.PooledObjectState;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;

/**
 * Validates a pooled connection on borrow with a {@code PING} only when it sat unused for at least
 * {@code validateAfterIdle}. A connection that went stale while idle (Redis restarted, a proxy dropped it) is then
 * replaced before the caller's command runs, so no call fails because of it; a connection returned moments ago,
 * which is every connection of a busy client, is handed out without the extra round trip. The evictor's
 * idle test always pings. See {@code docs/architecture.md#connections}.
 */
final class IdleValidatingConnectionFactory extends ConnectionFactory {
    private final long validateAfterIdleMs;

    IdleValidatingConnectionFactory(HostAndPort node, JedisClientConfig config, Duration validateAfterIdle) {
        super(node, config);
        this.validateAfterIdleMs = validateAfterIdle.toMillis();
    }

    @Override
    public boolean validateObject(PooledObject<Connection> pooled) {
        if (pooled.getState() == PooledObjectState.ALLOCATED
                && System.currentTimeMillis() - pooled.getLastReturnInstant().toEpochMilli() < validateAfterIdleMs) {
            Connection c = pooled.getObject();
            return c.isConnected() && !c.isBroken();
        }
        return super.validateObject(pooled);
    }
}
