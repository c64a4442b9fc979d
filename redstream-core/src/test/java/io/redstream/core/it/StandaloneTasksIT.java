package io.redstream.core.it;

import io.redstream.testkit.RedisServerExtension;
import io.redstream.testkit.RedisServerProcess;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisServerExtension.class)
class StandaloneTasksIT extends TasksContract {
    private final StandaloneTarget target;

    StandaloneTasksIT(RedisServerProcess redis) {
        this.target = new StandaloneTarget(redis);
    }

    @Override
    protected RedisTarget target() {
        return target;
    }
}
