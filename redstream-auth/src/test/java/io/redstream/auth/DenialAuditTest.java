package io.redstream.auth;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.redstream.testkit.MutableClock;
import io.redstream.core.access.Action;
import io.redstream.core.naming.NamingPolicy;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DenialAuditTest {
    private final MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");
    private final CapturingLogger log = new CapturingLogger();
    private final Principal principal = new Principal("svc-a", Set.of("task_read"), new AuthMethod.Jwt("k1", "iss"));

    @Test
    void record_oneStructuredEventPerDenial() {
        DenialAudit audit = DenialAudit.builder().logger(log).clock(clock).build();
        audit.record(principal, Action.STREAM_PUBLISH, "nova:task:x:y", "planner#1");
        assertThat(log.lines).containsExactly("WARN time=2030-01-01T00:00:00Z principal=svc-a auth=jwt(kid=k1, iss=iss)"
                + " action=stream.publish resource=nova:task:x:y rule=planner#1 access denied");
    }

    @Test
    void record_rateLimitedWithSummary() {
        DenialAudit audit = DenialAudit.builder().logger(log).clock(clock).maxEventsPerSecond(3).build();
        for (int i = 0; i < 10; i++) {
            audit.record(principal, Action.KEY_GET, "nova:task:a:" + i, "default-deny");
        }
        assertThat(log.lines).hasSize(3);
        clock.advance(Duration.ofSeconds(1));
        audit.record(principal, Action.KEY_GET, "nova:task:a:b", "default-deny");
        assertThat(log.lines).hasSize(5);
        assertThat(log.lines.get(3)).isEqualTo("WARN suppressed=7 suppressed 7 denials");
        assertThat(log.lines.get(4)).contains("resource=nova:task:a:b");
        assertThat(audit.denials()).isEqualTo(11);
    }

    @Test
    void record_countsEveryDenialByAction() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DenialAudit audit = DenialAudit.builder().logger(log).clock(clock).maxEventsPerSecond(1)
                .meterRegistry(registry).build();
        audit.record(principal, Action.KEY_GET, "nova:task:a:b", "default-deny");
        audit.record(principal, Action.KEY_GET, "nova:task:a:b", "default-deny");
        audit.record(principal, Action.KEY_SET, "nova:task:a:b", "default-deny");
        assertThat(registry.get(DenialAudit.METER_NAME).tag("action", "key.get").counter().count()).isEqualTo(2);
        assertThat(registry.get(DenialAudit.METER_NAME).tag("action", "key.set").counter().count()).isEqualTo(1);
        assertThat(log.lines).hasSize(1);
    }

    @Test
    void record_neverContainsTheCredential() throws Exception {
        byte[] secret = "an-hs256-secret-of-at-least-32-bytes!".getBytes();
        String token = TokenIssuer.builder().hmacSecret(secret).issuer("iss").keyId("k1").build()
                .issue("svc-a", Set.of("task_read"));
        Principal fromToken = Authenticator.builder().hmacSecret("k1", secret).build().authenticate(token);
        DenialAudit audit = DenialAudit.builder().logger(log).build();
        Policy.builder().audit(audit).build().guardFor(fromToken).permits(Action.KEY_SET,
                NamingPolicy.defaults().key("nova:task:a:b"));
        assertThatThrownBy(() -> Policy.builder().audit(audit).build().guardFor(fromToken).check(Action.KEY_SET,
                NamingPolicy.defaults().key("nova:task:a:b")))
                .hasMessageNotContaining(token.substring(token.lastIndexOf('.') + 1));
        assertThat(log.lines).singleElement().asString()
                .doesNotContain(token.split("\\.")[1])
                .doesNotContain(token.split("\\.")[2])
                .doesNotContain(new String(secret))
                .contains("auth=jwt(kid=k1, iss=iss)");
    }

    @Test
    void record_controlCharactersCannotForgeLines() {
        DenialAudit audit = DenialAudit.builder().logger(log).clock(clock).build();
        audit.record(principal, Action.KEY_GET, "nova:task:a\nWARN forged", "default-deny");
        assertThat(log.lines).singleElement().asString().doesNotContain("\n").contains("nova:task:a?WARN forged");
    }

    @Test
    void builder_rejectsNonPositiveRate() {
        assertThatThrownBy(() -> DenialAudit.builder().maxEventsPerSecond(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxEventsPerSecond must be at least 1, but was 0");
    }
}
