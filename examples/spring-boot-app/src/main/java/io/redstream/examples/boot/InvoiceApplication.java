package io.redstream.examples.boot;

import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An invoice service on Spring Boot with the RedStream starter: {@code POST /invoices} publishes, an
 * {@link InvoiceWorker} handles them (a negative amount fails, is retried, then dead-lettered), a
 * {@link DeadLetterAlerter} reports dead letters; {@code /actuator/health/redstream} and
 * {@code /actuator/metrics/redstream.process} show the rest.
 *
 * <p>Run: {@code mvn -q -pl examples/spring-boot-app spring-boot:run} (after {@code mvn -q install -DskipTests}).
 * Uses {@code REDIS_URL} when set, else starts an embedded Redis. {@code --version} prints the version.
 */
@SpringBootApplication
public class InvoiceApplication {

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--version")) {
            String version = InvoiceApplication.class.getPackage().getImplementationVersion();
            System.out.println("redstream-example-spring-boot " + (version == null ? "dev" : version));
            return;
        }
        run(args);
    }

    static ConfigurableApplicationContext run(String... args) {
        LocalRedis redis = LocalRedis.startUnlessConfigured();
        SpringApplication app = new SpringApplication(InvoiceApplication.class);
        app.setDefaultProperties(Map.of("redstream.redis-uri", redis.uri()));
        app.addInitializers(ctx -> ctx.getBeanFactory().registerSingleton("localRedis", redis));
        return app.run(args);
    }
}
