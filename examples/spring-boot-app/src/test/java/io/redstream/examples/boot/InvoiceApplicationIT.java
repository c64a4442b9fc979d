package io.redstream.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Runs the example as its main method does, on an embedded Redis and a random port, and drives it over HTTP. */
class InvoiceApplicationIT {
    static final Duration WAIT = Duration.ofSeconds(30);
    static ConfigurableApplicationContext app;
    static String base;

    @BeforeAll
    static void start() {
        app = InvoiceApplication.run("--server.port=0", "--server.address=127.0.0.1");
        base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void invoices_billedOrDeadLettered_healthAndMetricsServed() throws Exception {
        assertThat(post("/invoices", "{\"customer\":\"acme\",\"amount\":\"120.00\"}").statusCode()).isEqualTo(202);
        assertThat(post("/invoices", "{\"customer\":\"globex\",\"amount\":\"-5.00\"}").statusCode()).isEqualTo(202);

        InvoiceWorker worker = app.getBean(InvoiceWorker.class);
        DeadLetterAlerter alerter = app.getBean(DeadLetterAlerter.class);
        await().atMost(WAIT).until(() -> worker.billed.contains("acme") && alerter.reasons.size() == 1);
        assertThat(alerter.reasons.get(0)).contains("negative amount -5.00");
        assertThat(worker.billed).doesNotContain("globex");

        HttpResponse<String> health = get("/actuator/health/redstream");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/metrics/redstream.process").body()).contains("nova:task:billing:invoices");
        assertThat(get("/actuator/metrics/invoices.dead.letters").body()).contains("\"value\":1.0");
    }

    @Test
    void jedis_isTheVersionBootManages() throws Exception {
        Properties pom = new Properties();
        try (InputStream in = redis.clients.jedis.UnifiedJedis.class
                .getResourceAsStream("/META-INF/maven/redis.clients/jedis/pom.properties")) {
            pom.load(in);
        }
        assertThat(System.getProperty("expected.jedis.version")).isNotBlank();
        assertThat(pom.getProperty("version")).isEqualTo(System.getProperty("expected.jedis.version"));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
