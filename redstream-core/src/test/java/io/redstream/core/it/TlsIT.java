package io.redstream.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redstream.core.RedStream;
import io.redstream.core.RedStreamConnectionException;
import io.redstream.testkit.RedisServerProcess;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** rediss:// against the embedded Redis with TLS on, trusting a test certificate through an SSLContext. */
class TlsIT {
    static final String STREAM = "nova:task:secure:tasks";
    private static RedisServerProcess redis;
    private static int tlsPort;

    @BeforeAll
    static void startTlsRedis() throws Exception {
        redis = RedisServerProcess.builder().tls(resource("redis-test.crt"), resource("redis-test.key")).start();
        tlsPort = redis.tlsPort();
    }

    @AfterAll
    static void stop() {
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void rediss_withTrustedCertificate_publishesAndReads() throws Exception {
        try (RedStream rs = RedStream.builder().redisUri(redis.tlsUri())
                .sslContext(trusting("redis-test.crt")).build()) {
            String id = rs.publish(STREAM, Map.of("secret", "over TLS"));
            assertThat(rs.streams().range(STREAM, "-", "+", 10)).singleElement()
                    .satisfies(e -> assertThat(e.id()).isEqualTo(id));
            assertThat(rs.health().up()).isTrue();
        }
    }

    @Test
    void rediss_withUntrustedCertificate_failsWithUnavailable() {
        try (RedStream rs = RedStream.builder().redisUri("rediss://127.0.0.1:" + tlsPort)
                .connectTimeout(Duration.ofSeconds(1)).build()) {
            assertThatThrownBy(() -> rs.streams().length(STREAM)).isInstanceOf(RedStreamConnectionException.class);
        }
    }

    @Test
    void plainClientOnTheTlsPort_failsInsteadOfHanging() {
        try (RedStream rs = RedStream.builder().redisUri("redis://127.0.0.1:" + tlsPort)
                .connectTimeout(Duration.ofSeconds(1)).socketTimeout(Duration.ofSeconds(1)).build()) {
            assertThatThrownBy(() -> rs.streams().length(STREAM)).isInstanceOf(RedStreamConnectionException.class);
        }
    }

    private static SSLContext trusting(String certResource) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = TlsIT.class.getResourceAsStream("/tls/" + certResource)) {
            Certificate cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
            trust.setCertificateEntry("redis-test", cert);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(TlsIT.class.getResource("/tls/" + name).toURI());
    }
}
