package io.redstream.core.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The integration tests run on the Jedis the build says they run on: the pinned version by default, Jedis 7 under
 * the {@code jedis7} profile (what Spring Boot 4.1 applications get).
 */
class JedisRuntimeIT {

    @Test
    void jedisOnTheClasspath_isTheExpectedVersion() throws IOException {
        String expected = System.getProperty("redstream.expected.jedis.version");
        assertThat(expected).as("system property redstream.expected.jedis.version (set by the build)").isNotBlank();
        Properties pom = new Properties();
        try (InputStream in = redis.clients.jedis.UnifiedJedis.class
                .getResourceAsStream("/META-INF/maven/redis.clients/jedis/pom.properties")) {
            assertThat(in).as("Jedis' pom.properties").isNotNull();
            pom.load(in);
        }
        assertThat(pom.getProperty("version")).isEqualTo(expected);
    }
}
