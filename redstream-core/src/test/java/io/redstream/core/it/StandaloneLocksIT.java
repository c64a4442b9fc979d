package io.redstream.core.it;

import io.redstream.testkit.RedisServerExtension;
import io.redstream.testkit.RedisServerProcess;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisServerExtension.class)
class StandaloneLocksIT extends LocksContract {
    private final StandaloneTarget target;

    StandaloneLocksIT(RedisServerProcess redis) {
        this.target = new StandaloneTarget(redis);
    }

    @Override
    protected RedisTarget target() {
        return target;
    }
}
