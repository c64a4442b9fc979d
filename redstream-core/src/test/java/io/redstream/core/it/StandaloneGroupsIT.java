package io.redstream.core.it;

import io.redstream.testkit.RedisServerExtension;
import io.redstream.testkit.RedisServerProcess;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisServerExtension.class)
class StandaloneGroupsIT extends GroupsContract {
    private final StandaloneTarget target;

    StandaloneGroupsIT(RedisServerProcess redis) {
        this.target = new StandaloneTarget(redis);
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
