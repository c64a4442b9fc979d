package io.redstream.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.redstream.auth.Authenticator;
import io.redstream.auth.Policy;
import io.redstream.core.RedStream;
import io.redstream.core.stream.StreamEntry;
import io.redstream.spring.autoconfigure.RedStreamAuthAutoConfiguration;
import io.redstream.spring.autoconfigure.RedStreamAutoConfiguration;
import io.redstream.spring.autoconfigure.RedStreamHealthAutoConfiguration;
import io.redstream.spring.internal.RedStreamFailureAnalyzer;
import io.redstream.spring.internal.RedStreamHealthIndicator;
import io.redstream.spring.internal.RedStreamListenerContainer;
import io.redstream.spring.internal.RedStreamListenerRegistrar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every condition of the auto-configuration, on contexts that never need Redis (the client connects lazily). */
class RedStreamAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RedStreamAutoConfiguration.class,
                    RedStreamAuthAutoConfiguration.class, RedStreamHealthAutoConfiguration.class))
            .withPropertyValues("redstream.listener.auto-startup=false");

    @TempDir
    Path dir;

    @Test
    void defaults_createClientRegistrarContainerAndHealth() {
        runner.run(ctx -> {
            assertThat(ctx).hasSingleBean(RedStream.class).hasSingleBean(RedStreamListenerRegistrar.class)
                    .hasSingleBean(RedStreamListenerContainer.class).hasBean("redstreamHealthIndicator")
                    .doesNotHaveBean(Authenticator.class).doesNotHaveBean(Policy.class);
            RedStream rs = ctx.getBean(RedStream.class);
            assertThat(rs.toString()).contains("127.0.0.1:6379");
            assertThat(rs.naming().namespace()).isEqualTo("nova");
            assertThat(rs.observations().enabled()).isFalse();
        });
    }

    @Test
    void propertyDefaults_equalTheCoreDefaults() {
        RedStreamProperties p = new RedStreamProperties();
        assertThat(p.getPoolSize()).isEqualTo(RedStream.Builder.DEFAULT_POOL_SIZE);
        assertThat(p.getConnectTimeout()).isEqualTo(RedStream.Builder.DEFAULT_CONNECT_TIMEOUT);
        assertThat(p.getSocketTimeout()).isEqualTo(RedStream.Builder.DEFAULT_SOCKET_TIMEOUT);
        assertThat(p.getNamespace()).isEqualTo(io.redstream.core.naming.NamingPolicy.DEFAULT_NAMESPACE);
        assertThat(p.getAuth().getJwt().getMaxTokenLifetime()).isEqualTo(Authenticator.DEFAULT_MAX_TOKEN_LIFETIME);
        assertThat(p.getAuth().getJwt().getClockSkew()).isEqualTo(Authenticator.DEFAULT_CLOCK_SKEW);
    }

    @Test
    void properties_areBoundAndApplied() {
        runner.withPropertyValues("spring.application.name=billing", "redstream.redis-uri=redis://10.1.2.3:6380",
                "redstream.namespace=acme", "redstream.domains=task,agent", "redstream.pool-size=4",
                "redstream.connect-timeout=750ms", "redstream.socket-timeout=3s").run(ctx -> {
                    RedStreamProperties p = ctx.getBean(RedStreamProperties.class);
                    assertThat(p.getPoolSize()).isEqualTo(4);
                    assertThat(p.getConnectTimeout()).isEqualTo(Duration.ofMillis(750));
                    assertThat(p.getSocketTimeout()).isEqualTo(Duration.ofSeconds(3));
                    RedStream rs = ctx.getBean(RedStream.class);
                    assertThat(rs.toString()).contains("10.1.2.3:6380");
                    assertThat(rs.naming().namespace()).isEqualTo("acme");
                    assertThat(rs.naming().domains()).containsExactlyInAnyOrder("task", "agent");
                    assertThat(new io.redstream.spring.internal.RedStreamClientFactory(p, ctx.getEnvironment())
                            .identity()).as("identity defaults to spring.application.name").isEqualTo("billing");
                });
    }

    @Test
    void identity_propertyWinsOverApplicationName() {
        runner.withPropertyValues("spring.application.name=billing", "redstream.identity=billing-eu")
                .run(ctx -> assertThat(new io.redstream.spring.internal.RedStreamClientFactory(
                        ctx.getBean(RedStreamProperties.class), ctx.getEnvironment()).identity())
                        .isEqualTo("billing-eu"));
    }

    @Test
    void userClient_winsAndIsUsedByEverythingElse() {
        runner.withUserConfiguration(UserClient.class).withPropertyValues("redstream.redis-uri=not a uri")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed().hasSingleBean(RedStream.class);
                    assertThat(ctx.getBean(RedStream.class)).isSameAs(ctx.getBean("myClient"));
                    assertThat(ctx).hasBean("redstreamHealthIndicator");
                });
    }

    @Test
    void customizer_isAppliedBeforeBuild() {
        AtomicBoolean called = new AtomicBoolean();
        runner.withBean(RedStreamBuilderCustomizer.class, () -> b -> {
            called.set(true);
            b.identity("customized");
        }).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(called).isTrue();
        });
    }

    @Test
    void registries_arePickedUp() {
        runner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(ctx -> {
                    RedStream rs = ctx.getBean(RedStream.class);
                    assertThat(rs.observations().registry()).isSameAs(ctx.getBean(ObservationRegistry.class));
                });
    }

    @Test
    void auth_absent_noAuthBeans() {
        runner.run(ctx -> assertThat(ctx).doesNotHaveBean(Authenticator.class).doesNotHaveBean(Policy.class));
    }

    @Test
    void auth_jwtSecret_authenticatorAndBuiltInPolicy() {
        runner.withPropertyValues("redstream.auth.jwt.secret=0123456789abcdef0123456789abcdef",
                "redstream.auth.jwt.issuer=https://id.example").run(ctx -> {
                    assertThat(ctx).hasSingleBean(Authenticator.class).hasSingleBean(Policy.class);
                    assertThat(ctx.getBean(Authenticator.class).acceptsJwt()).isTrue();
                    assertThat(ctx.getBean(Authenticator.class).acceptsApiKeys()).isFalse();
                    assertThat(ctx.getBean(Policy.class).roleNames()).contains("admin", "task_read");
                });
    }

    @Test
    void auth_policyFileOnly_policyWithoutAuthenticator() throws Exception {
        Path policy = Files.writeString(dir.resolve("policy.yml"), """
                roles:
                  auditor:
                    - effect: allow
                      actions: [stream.read]
                      resources: ["nova:task:>"]
                """, StandardCharsets.UTF_8);
        runner.withPropertyValues("redstream.auth.policy-file=" + policy).run(ctx -> {
            assertThat(ctx).hasSingleBean(Policy.class).doesNotHaveBean(Authenticator.class);
            assertThat(ctx.getBean(Policy.class).roleNames()).contains("auditor", "admin");
        });
    }

    @Test
    void auth_userAuthenticator_wins() {
        Authenticator mine = Authenticator.builder().hmacSecret(new byte[32]).build();
        runner.withBean(Authenticator.class, () -> mine)
                .withPropertyValues("redstream.auth.jwt.secret=0123456789abcdef0123456789abcdef")
                .run(ctx -> assertThat(ctx.getBean(Authenticator.class)).isSameAs(mine));
    }

    @Test
    void health_withoutHealthSupportOnTheClasspath_noIndicator() {
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(RedStream.class)
                        .doesNotHaveBean(RedStreamHealthIndicator.class));
    }

    @Test
    void health_disabledByProperty_noIndicator() {
        runner.withPropertyValues("management.health.redstream.enabled=false")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(RedStreamHealthIndicator.class));
    }

    @Test
    void health_userIndicatorNamedRedstream_wins() {
        runner.withBean("redstreamHealthIndicator", HealthIndicator.class,
                () -> () -> org.springframework.boot.health.contributor.Health.up().build())
                .run(ctx -> assertThat(ctx).doesNotHaveBean(RedStreamHealthIndicator.class));
    }

    @Test
    void listenerRegistrar_findsAnnotatedMethods() {
        runner.withBean(GoodListener.class).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBean(RedStreamListenerContainer.class).isRunning()).isFalse();
        });
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void poolSize_outOfRange_failsNamingPropertyRuleAndValue() {
        runner.withPropertyValues("redstream.pool-size=0").run(ctx -> {
            RedStreamConfigurationException e = failure(ctx);
            assertThat(e.subject()).isEqualTo("redstream.pool-size");
            assertThat(e.rule()).contains("must be between 1 and 1024, but was 0");
            assertThat(e.value()).isEqualTo("0");
            FailureAnalysis analysis = new RedStreamFailureAnalyzer().analyze(ctx.getStartupFailure());
            assertThat(analysis.getDescription()).contains("redstream.pool-size").contains("between 1 and 1024")
                    .contains("Value:   0");
            assertThat(analysis.getAction()).contains("Update redstream.pool-size");
        });
    }

    @Test
    void redisUri_invalid_failsWithoutRepeatingThePassword() {
        runner.withPropertyValues("redstream.redis-uri=http://user:hunter2@localhost:6379").run(ctx -> {
            RedStreamConfigurationException e = failure(ctx);
            assertThat(e.subject()).isEqualTo("redstream.redis-uri");
            assertThat(e.rule()).contains("scheme must be redis or rediss");
            assertThat(e.getMessage()).doesNotContain("hunter2");
            assertThat(new RedStreamFailureAnalyzer().analyze(ctx.getStartupFailure()).getDescription())
                    .doesNotContain("hunter2");
        });
    }

    @Test
    void redisUriAndClusterNodes_failAsExclusive() {
        runner.withPropertyValues("redstream.redis-uri=redis://localhost:6379",
                "redstream.cluster-nodes=127.0.0.1:7000").run(ctx -> assertThat(failure(ctx).rule())
                        .contains("exclusive"));
    }

    @Test
    void clusterNodes_malformed_failNamingTheProperty() {
        runner.withPropertyValues("redstream.cluster-nodes=localhost").run(ctx -> {
            RedStreamConfigurationException e = failure(ctx);
            assertThat(e.subject()).isEqualTo("redstream.cluster-nodes");
            assertThat(e.rule()).contains("host:port");
        });
    }

    @Test
    void applicationName_notAnIdentity_failsNamingWhereTheIdentityCameFrom() {
        runner.withPropertyValues("spring.application.name=my billing app").run(ctx -> {
            RedStreamConfigurationException e = failure(ctx);
            assertThat(e.subject()).isEqualTo("spring.application.name");
            assertThat(e.rule()).contains("[A-Za-z0-9_.:@-]");
            assertThat(e.value()).isEqualTo("my billing app");
        });
    }

    @Test
    void namespace_invalid_fails() {
        runner.withPropertyValues("redstream.namespace=no:pe").run(ctx -> assertThat(failure(ctx).subject())
                .isEqualTo("redstream.namespace"));
    }

    @Test
    void socketTimeout_zero_fails() {
        runner.withPropertyValues("redstream.socket-timeout=0s").run(ctx -> {
            RedStreamConfigurationException e = failure(ctx);
            assertThat(e.subject()).isEqualTo("redstream.socket-timeout");
            assertThat(e.rule()).contains("must be positive");
        });
    }

    @Test
    void jwtSecret_tooShort_failsWithTheSecretMasked() {
        runner.withPropertyValues("redstream.auth.jwt.secret=short-secret").run(ctx -> {
            RedStreamConfigurationException e = failure(ctx);
            assertThat(e.subject()).isEqualTo("redstream.auth.jwt.secret");
            assertThat(e.rule()).contains("32");
            assertThat(e.value()).isEqualTo("******");
            assertThat(e.getMessage()).doesNotContain("short-secret");
        });
    }

    @Test
    void apiKeysFile_missing_failsNamingTheFile() {
        Path missing = dir.resolve("nope.txt");
        runner.withPropertyValues("redstream.auth.api-keys-file=" + missing).run(ctx -> {
            RedStreamConfigurationException e = failure(ctx);
            assertThat(e.subject()).isEqualTo("redstream.auth.api-keys-file");
            assertThat(e.rule()).contains("readable file");
            assertThat(e.value()).isEqualTo(missing.toString());
        });
    }

    @Test
    void instanceId_invalid_fails() {
        runner.withPropertyValues("redstream.listener.instance-id=pod 1").run(ctx -> assertThat(failure(ctx)
                .subject()).isEqualTo("redstream.listener.instance-id"));
    }

    @Test
    void listener_wrongSignature_failsNamingTheMethod() {
        runner.withUserConfiguration(WrongSignature.class).run(ctx -> {
            RedStreamConfigurationException e = failure(ctx);
            assertThat(e.subject()).contains(WrongSignature.class.getName() + ".handle(String)");
            assertThat(e.rule()).contains("exactly one parameter of type " + StreamEntry.class.getName());
            assertThat(new RedStreamFailureAnalyzer().analyze(ctx.getStartupFailure()).getAction())
                    .contains("@RedStreamListener");
        });
    }

    @Test
    void listener_unresolvedPlaceholder_failsNamingMethodAndAttribute() {
        runner.withUserConfiguration(PlaceholderListener.class).run(ctx -> {
            RedStreamConfigurationException e = failure(ctx);
            assertThat(e.subject()).contains(PlaceholderListener.class.getName() + ".handle(StreamEntry)")
                    .contains("attribute stream");
            assertThat(e.value()).isEqualTo("${jobs.stream}");
        });
    }

    @Test
    void listener_badNumber_failsWhenStarting() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RedStreamAutoConfiguration.class))
                .withUserConfiguration(BadConcurrency.class).withPropertyValues("workers=zero").run(ctx -> {
                    RedStreamConfigurationException e = failure(ctx);
                    assertThat(e.subject()).contains("attribute concurrency");
                    assertThat(e.rule()).isEqualTo("must be a whole number");
                    assertThat(e.value()).isEqualTo("zero");
                });
    }

    @Test
    void listener_outOfRange_failsWithCoresRule() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RedStreamAutoConfiguration.class))
                .withUserConfiguration(BadConcurrency.class).withPropertyValues("workers=0").run(ctx -> {
                    RedStreamConfigurationException e = failure(ctx);
                    assertThat(e.rule()).contains("concurrency must be between 1 and 256, but was 0");
                });
    }

    @Test
    void listener_invalidStreamName_failsWithTheNamingRule() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RedStreamAutoConfiguration.class))
                .withUserConfiguration(BadStream.class).run(ctx -> {
                    RedStreamConfigurationException e = failure(ctx);
                    assertThat(e.subject()).contains("attribute stream");
                    assertThat(e.rule()).contains("nova:{domain}:{entity}:{function}");
                });
    }

    private static RedStreamConfigurationException failure(
            org.springframework.boot.test.context.assertj.AssertableApplicationContext ctx) {
        assertThat(ctx).hasFailed();
        Throwable t = ctx.getStartupFailure();
        while (t != null && !(t instanceof RedStreamConfigurationException)) {
            t = t.getCause();
        }
        assertThat(t).as("a RedStreamConfigurationException in " + ctx.getStartupFailure())
                .isInstanceOf(RedStreamConfigurationException.class);
        return (RedStreamConfigurationException) t;
    }

    @Configuration(proxyBeanMethods = false)
    static class UserClient {
        @Bean(destroyMethod = "close")
        RedStream myClient() {
            return RedStream.builder().redisUri("redis://127.0.0.1:1").identity("mine").build();
        }
    }

    static class GoodListener {
        @RedStreamListener(stream = "nova:task:a:jobs", group = "g")
        void handle(StreamEntry entry) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class WrongSignature {
        @RedStreamListener(stream = "nova:task:a:jobs", group = "g")
        public void handle(String entry) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PlaceholderListener {
        @RedStreamListener(stream = "${jobs.stream}", group = "g")
        public void handle(StreamEntry entry) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class BadConcurrency {
        @RedStreamListener(stream = "nova:task:a:jobs", group = "g", concurrency = "${workers}")
        public void handle(StreamEntry entry) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class BadStream {
        @RedStreamListener(stream = "jobs", group = "g")
        public void handle(StreamEntry entry) {
        }
    }

}
