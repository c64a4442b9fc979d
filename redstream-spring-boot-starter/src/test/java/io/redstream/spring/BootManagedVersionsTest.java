package io.redstream.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * This module's tests run core and auth on the libraries a Spring Boot 4.1 application gets from Boot's dependency
 * management (Jedis 7, Boot's Jackson 2), not on the versions the rest of the build pins.
 */
class BootManagedVersionsTest {

    @Test
    void jedis_isBootsVersion() throws IOException {
        assertThat(pomVersion(redis.clients.jedis.UnifiedJedis.class, "redis.clients", "jedis"))
                .isEqualTo(expected("redstream.expected.jedis.version")).startsWith("7.");
    }

    @Test
    void jackson_isBootsVersion() {
        assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString())
                .isEqualTo(expected("redstream.expected.jackson.version"));
    }

    private static String expected(String property) {
        String v = System.getProperty(property);
        assertThat(v).as("system property " + property + " (set by the build)").isNotBlank();
        return v;
    }

    private static String pomVersion(Class<?> type, String group, String artifact) throws IOException {
        Properties pom = new Properties();
        try (InputStream in = type.getResourceAsStream("/META-INF/maven/" + group + "/" + artifact
                + "/pom.properties")) {
            assertThat(in).as(artifact + " pom.properties").isNotNull();
            pom.load(in);
        }
        return pom.getProperty("version");
    }
}
