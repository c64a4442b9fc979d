package io.redstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.redstream.core.RedStream;
import io.redstream.core.task.Task;
import io.redstream.core.task.TaskEvent;
import io.redstream.core.task.TaskEventType;
import io.redstream.core.task.TaskStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The task board example: the crashed agent's task is finished by the other agent after the lease ran out. */
class TaskBoardIT {

    @Test
    void run_theSecondAgentFinishesTheCrashedAgentsTask() throws Exception {
        try (ExampleRedis redis = ExampleRedis.start()) {
            Task done = TaskBoard.run(redis.uri());
            assertThat(done.status()).isEqualTo(TaskStatus.DONE);
            assertThat(done.attempt()).isEqualTo(2);
            assertThat(done.owner()).isEqualTo("agent-beta");
            assertThat(done.result()).isEqualTo(Map.of("summary", "customer wants a refund"));
            assertThat(done.history()).extracting(TaskEvent::type).containsExactly(TaskEventType.CREATED,
                    TaskEventType.CLAIMED, TaskEventType.PROGRESS, TaskEventType.EXPIRED, TaskEventType.CLAIMED,
                    TaskEventType.DONE);
            assertThat(done.history().get(4).at()).as("beta's claim came after alpha's lease ran out")
                    .isAfterOrEqualTo(done.history().get(2).at().plus(TaskBoard.LEASE));
            try (RedStream rs = RedStream.builder().redisUri(redis.uri()).build()) {
                assertThat(rs.groups().pending(rs.tasks(TaskBoard.BOARD).tasksStream(), "board").count()).isZero();
                assertThat(rs.streams().length(rs.tasks(TaskBoard.BOARD).eventsStream())).isEqualTo(6);
            }
        }
    }
}
