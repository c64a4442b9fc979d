package io.redstream.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.redstream.core.naming.NameKind;
import io.redstream.core.naming.NamePattern;
import io.redstream.core.naming.NamingPolicy;
import io.redstream.core.naming.ResourceName;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameConsistencyTest {
    private static final NamingPolicy LEGACY = NamingPolicy.builder().legacyNames(true).build();

    @Test
    void consistent_namesFromNamingPolicy() {
        assertThat(NameConsistency.consistent(LEGACY.stream("nova:task:a:b"))).isTrue();
        assertThat(NameConsistency.consistent(LEGACY.stream("nova:task:a:b:dlq"))).isTrue();
        assertThat(NameConsistency.consistent(LEGACY.key("nova:agent:alpha:session:42"))).isTrue();
        assertThat(NameConsistency.consistent(LEGACY.stream("task.router.direct"))).isTrue();
        for (String p : List.of("nova:*", "nova:task:*", "nova:task:a*:b", "nova:task:a:b")) {
            assertThat(NameConsistency.consistent(LEGACY.pattern(NameKind.CHANNEL, p))).as(p).isTrue();
        }
    }

    @Test
    void consistent_rejectsHandMadeMismatches() {
        assertThat(NameConsistency.consistent(new ResourceName(NameKind.KEY, "nova:task:a:bc",
                List.of("nova", "task", "a", "b")))).isFalse();
        assertThat(NameConsistency.consistent(new ResourceName(NameKind.KEY, "nova:task:a",
                List.of("nova", "task", "a", "b")))).isFalse();
        assertThat(NameConsistency.consistent(new ResourceName(NameKind.KEY, "nova:task:a:b",
                List.of("nova", "task:a", "b")))).isFalse();
        assertThat(NameConsistency.consistent(new ResourceName(NameKind.STREAM, "agent.router.direct",
                List.of("nova", "task", "router", "direct")))).isFalse();
        assertThat(NameConsistency.consistent(new NamePattern(NameKind.KEY, "nova:taskx*", List.of("nova", "task"))))
                .isFalse();
        assertThat(NameConsistency.consistent(new NamePattern(NameKind.KEY, "nova:*", List.of()))).isFalse();
    }
}
