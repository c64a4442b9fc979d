package io.redstream.core.it;

import io.redstream.testkit.RedisClusterExtension;
import io.redstream.testkit.RedisClusterProcess;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisClusterExtension.class)
class ClusterLocksIT extends LocksContract {
    private final ClusterTarget target;

    ClusterLocksIT(RedisClusterProcess redis) {
        this.target = new ClusterTarget(redis);
    }

    @Override
    protected RedisTarget target() {
        return target;
    }
}
