package io.redstream.core.it;

import io.redstream.testkit.RedisClusterExtension;
import io.redstream.testkit.RedisClusterProcess;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisClusterExtension.class)
class ClusterTasksIT extends TasksContract {
    private final ClusterTarget target;

    ClusterTasksIT(RedisClusterProcess redis) {
        this.target = new ClusterTarget(redis);
    }

    @Override
    protected RedisTarget target() {
        return target;
    }
}
