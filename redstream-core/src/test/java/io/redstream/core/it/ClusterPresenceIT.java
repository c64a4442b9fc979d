package io.redstream.core.it;

import io.redstream.testkit.RedisClusterExtension;
import io.redstream.testkit.RedisClusterProcess;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisClusterExtension.class)
class ClusterPresenceIT extends PresenceContract {
    private final ClusterTarget target;

    ClusterPresenceIT(RedisClusterProcess redis) {
        this.target = new ClusterTarget(redis);
    }

    @Override
    protected RedisTarget target() {
        return target;
    }
}
