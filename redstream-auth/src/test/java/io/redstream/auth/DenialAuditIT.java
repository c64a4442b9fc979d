package io.redstream.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.redstream.core.AccessDeniedException;
import io.redstream.core.RedStream;
import io.redstream.core.ScanPage;
import io.redstream.testkit.RedisServerExtension;
import io.redstream.testkit.RedisServerProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A denial through the secured view is audited exactly once — principal, auth method, action, resource, deciding
 * rule — and counted in {@value DenialAudit#METER_NAME}; never with the credential. Allowed calls and filtered
 * listings audit nothing.
 */
@ExtendWith(RedisServerExtension.class)
class DenialAuditIT {
    static final String STREAM = "nova:task:router:tasks";
    static final String SECRET_STREAM = "nova:task:secret:plans";
    static final String POLICY = """
            roles:
              planner:
                - effect: allow
                  actions: ["stream.*", key.get]
                  resources: ["nova:task:>"]
                - effect: deny
                  actions: [stream.read]
                  resources: ["nova:task:secret:>"]
            """;

    private final RedisServerProcess redis;
    private RedStream client;
    private CapturingLogger log;
    private SimpleMeterRegistry registry;
    private Policy policy;
    private Authenticator authenticator;
    private TokenIssuer issuer;
    private GeneratedApiKey apiKey;

    DenialAuditIT(RedisServerProcess redis) {
        this.redis = redis;
    }

    @BeforeEach
    void start() {
        redis.flushAll();
        client = RedStream.builder().redisUri(redis.uri()).build();
        client.publish(STREAM, Map.of("n", 1));
        client.publish(SECRET_STREAM, Map.of("n", 1));
        log = new CapturingLogger();
        registry = new SimpleMeterRegistry();
        policy = Policy.builder().policyYaml(POLICY)
                .audit(DenialAudit.builder().logger(log).meterRegistry(registry).build()).build();
        issuer = TokenIssuer.builder().hmacSecret(Callers.JWT_SECRET).keyId("k1").issuer(Callers.ISSUER).build();
        apiKey = new ApiKeyGenerator().generate(Set.of("task_read"), "svc-reader", null);
        authenticator = Authenticator.builder().hmacSecret("k1", Callers.JWT_SECRET).issuer(Callers.ISSUER)
                .apiKeys(ApiKeys.parse(apiKey.storeLine(), "keys")).build();
    }

    @AfterEach
    void stop() {
        client.close();
    }

    private double denials(String action) {
        Counter c = registry.find(DenialAudit.METER_NAME).tag("action", action).counter();
        return c == null ? 0 : c.count();
    }

    private double allDenials() {
        return registry.find(DenialAudit.METER_NAME).counters().stream().mapToDouble(Counter::count).sum();
    }

    @Test
    void denial_apiKey_exactlyOneEventWithPrincipalMethodActionResourceAndRule() {
        RedStream view = policy.secure(client, authenticator.authenticate(apiKey.key()));
        Throwable thrown = catchThrowable(() -> view.publish(STREAM, Map.of("n", 2)));

        assertThat(thrown).isInstanceOf(AccessDeniedException.class)
                .hasMessage("principal 'svc-reader' (role(s) task_read) lacks action 'stream.publish' on '" + STREAM
                        + "'");
        assertThat(log.lines).singleElement().asString()
                .startsWith("WARN time=")
                .contains(" principal=svc-reader ", " auth=api_key(id=" + apiKey.id() + ") ",
                        " action=stream.publish ", " resource=" + STREAM + " ", " rule=default-deny ")
                .endsWith("access denied");
        assertThat(denials("stream.publish")).isEqualTo(1.0);
        assertThat(allDenials()).isEqualTo(1.0);
        String secret = Callers.secretParts(apiKey.key()).get(0);
        assertThat(log.lines.get(0)).doesNotContain(apiKey.key()).doesNotContain(secret);
        assertThat(thrown.getMessage()).doesNotContain(secret);
    }

    @Test
    void denial_byADenyRule_namesTheRuleAndTheJwtKeyAndIssuer() {
        String token = issuer.issue("planner-svc", Set.of("planner"), Duration.ofMinutes(5));
        RedStream view = policy.secure(client, authenticator.authenticate(token));
        assertThat(view.streams().range(STREAM, "-", "+", 10)).hasSize(1);

        Throwable thrown = catchThrowable(
                () -> view.streams().range(SECRET_STREAM, "-", "+", 10));

        assertThat(thrown).isInstanceOf(AccessDeniedException.class).hasMessage("principal 'planner-svc' (role(s)"
                + " planner) lacks action 'stream.read' on '" + SECRET_STREAM + "'; denied by rule planner#1");
        assertThat(log.lines).singleElement().asString()
                .contains(" principal=planner-svc ", " auth=jwt(kid=k1, iss=" + Callers.ISSUER + ") ",
                        " action=stream.read ", " resource=" + SECRET_STREAM + " ", " rule=planner#1 ");
        assertThat(denials("stream.read")).isEqualTo(1.0);
        assertThat(allDenials()).isEqualTo(1.0);
        for (String part : token.split("\\.")) {
            assertThat(log.lines.get(0)).doesNotContain(part);
            assertThat(thrown.getMessage()).doesNotContain(part);
        }
        assertThat(log.lines.get(0)).doesNotContain(new String(Callers.JWT_SECRET));
    }

    @Test
    void denial_ofAMultiKeyOperation_isAuditedOnceForTheFirstRefusedName() {
        RedStream view = policy.secure(client, authenticator.authenticate(apiKey.key()));
        catchThrowable(() -> view.streams().read(
                Map.of(STREAM, "0"), 10, Duration.ZERO));
        assertThat(log.lines).isEmpty();
        catchThrowable(
                () -> view.state().delete(List.of("nova:task:router:a", "nova:agent:alpha:b")));
        assertThat(log.lines).singleElement().asString().contains(" action=key.delete ",
                " resource=nova:task:router:a ");
        assertThat(allDenials()).isEqualTo(1.0);
    }

    @Test
    void allowedCallsAndFilteredListings_auditNothing() {
        RedStream view = policy.secure(client, authenticator.authenticate(apiKey.key()));
        assertThat(view.streams().latest(STREAM, 1)).hasSize(1);
        client.state().set("nova:agent:alpha:k", "hidden from a task reader");
        ScanPage page = view.state().scan("nova:*", "0", 1000);
        assertThat(page.names()).isNotEmpty().allMatch(n -> n.startsWith("nova:task:"));
        assertThat(log.lines).isEmpty();
        assertThat(allDenials()).isZero();
    }
}
