package io.redstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.redstream.core.RedStream;
import org.junit.jupiter.api.Test;

/** The agent-state example runs end to end and leaves the state it promises. */
class AgentStateIT {

    @Test
    void run_setsStateTakesTheLockAndHearsItsOwnNotification() throws Exception {
        try (ExampleRedis redis = ExampleRedis.start();
                RedStream rs = RedStream.builder().redisUri(redis.uri()).identity("example-test").build()) {
            assertThat(AgentState.run(rs)).containsExactly("alpha started job-7");
            assertThat(rs.state().get(AgentState.LOCK)).hasValue("agent-alpha");
            assertThat(rs.state().get(AgentState.PROGRESS)).hasValue("25");
            assertThat(rs.state().ttl(AgentState.SESSION).remaining()).isNotNull();
        }
    }
}
