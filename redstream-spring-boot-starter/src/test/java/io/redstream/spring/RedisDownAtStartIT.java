package io.redstream.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redstream.core.RedStream;
import io.redstream.spring.app.TestApplication;
import io.redstream.spring.internal.RedStreamHealthIndicator;
import io.redstream.testkit.RedisServerProcess;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Redis is down when the application starts: the application starts anyway, the health component says DOWN, the
 * listeners back off, and once Redis is back (same port) health is UP and the listeners handle what is published.
 */
class RedisDownAtStartIT {
    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void start_withRedisDown_startsDownThenRecovers() {
        try (RedisServerProcess redis = RedisServerProcess.start()) {
            String uri = redis.uri();
            redis.stop();
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TestApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties("redstream.redis-uri=" + uri, "spring.application.name=down-app",
                            "redstream.connect-timeout=200ms", "redstream.socket-timeout=500ms",
                            "management.tracing.enabled=false")
                    .run()) {
                RedStreamHealthIndicator health = app.getBean(RedStreamHealthIndicator.class);
                assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.health().getDetails()).containsKey("error");

                redis.restart();
                await().atMost(WAIT).until(() -> health.health().getStatus().equals(Status.UP));
                RedStream rs = app.getBean(RedStream.class);
                String id = rs.publish(TestApplication.Jobs.STREAM, Map.of("job", "after-outage"));

                TestApplication.Jobs jobs = app.getBean(TestApplication.Jobs.class);
                await().atMost(WAIT).until(() -> jobs.handled.stream().anyMatch(h -> h.entry().id().equals(id)));
            }
        }
    }
}
