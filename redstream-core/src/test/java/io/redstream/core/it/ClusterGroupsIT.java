package io.redstream.core.it;

import io.redstream.testkit.RedisClusterExtension;
import io.redstream.testkit.RedisClusterProcess;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisClusterExtension.class)
class ClusterGroupsIT extends GroupsContract {
    private final ClusterTarget target;

    ClusterGroupsIT(RedisClusterProcess redis) {
        this.target = new ClusterTarget(redis);
    }

    @Override
    protected RedisTarget target() {
        return target;
    }

    @Override
    protected void deleteEntries(String stream, String... ids) {
        target.xdel(stream, ids);
    }
}
