package io.redstream.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code redstream.*} properties. Every default equals the corresponding {@code DEFAULT_*} constant of the core
 * builders; see {@code docs/spring-boot.md} for the table.
 *
 * <p>A mutable binding target, filled once by Spring Boot at start; not thread-safe while being bound.
 */
@ConfigurationProperties(prefix = "redstream")
public class RedStreamProperties {

    /**
     * Standalone Redis: redis://[user[:password]@]host[:port][/db] or rediss://... Default redis://127.0.0.1:6379
     * unless cluster-nodes is set.
     */
    private String redisUri;

    /** Redis Cluster seed nodes as host:port; exclusive with redis-uri. */
    private List<String> clusterNodes = new ArrayList<>();

    /**
     * Written as _source on every message and used in consumer names; 1 to 128 of [A-Za-z0-9_.:@-]. Default:
     * spring.application.name, else "redstream".
     */
    private String identity;

    /** First segment of every stream, key and channel name. */
    private String namespace = "nova";

    /** Allowed domains (second name segment). Default: system, task, agent, user, memory, devops, broadcast. */
    private List<String> domains = new ArrayList<>();

    /** ACL user (overrides the URI's). */
    private String user;

    /** Password (overrides the URI's). Never logged. */
    private String password;

    /** TLS on or off. Default: from the URI scheme (rediss), off for cluster nodes. */
    private Boolean ssl;

    /** Maximum pooled connections (per node on a cluster), 1 to 1024. */
    private int poolSize = 16;

    /** Connection timeout. */
    private Duration connectTimeout = Duration.ofSeconds(2);

    /** Socket timeout of ordinary commands; blocking reads get their block time on top. */
    private Duration socketTimeout = Duration.ofSeconds(2);

    /** Authentication and authorization beans. */
    private final Auth auth = new Auth();

    /** Defaults of @RedStreamListener consumers. */
    private final Listener listener = new Listener();

    public String getRedisUri() {
        return redisUri;
    }

    public void setRedisUri(String redisUri) {
        this.redisUri = redisUri;
    }

    public List<String> getClusterNodes() {
        return clusterNodes;
    }

    public void setClusterNodes(List<String> clusterNodes) {
        this.clusterNodes = clusterNodes;
    }

    public String getIdentity() {
        return identity;
    }

    public void setIdentity(String identity) {
        this.identity = identity;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public List<String> getDomains() {
        return domains;
    }

    public void setDomains(List<String> domains) {
        this.domains = domains;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Boolean getSsl() {
        return ssl;
    }

    public void setSsl(Boolean ssl) {
        this.ssl = ssl;
    }

    public int getPoolSize() {
        return poolSize;
    }

    public void setPoolSize(int poolSize) {
        this.poolSize = poolSize;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getSocketTimeout() {
        return socketTimeout;
    }

    public void setSocketTimeout(Duration socketTimeout) {
        this.socketTimeout = socketTimeout;
    }

    public Auth getAuth() {
        return auth;
    }

    public Listener getListener() {
        return listener;
    }

    @Override
    public String toString() {
        return "RedStreamProperties[redisUri=" + (redisUri == null ? null : "(set)") + ", clusterNodes="
                + clusterNodes + ", identity=" + identity + ", namespace=" + namespace + "]";
    }

    /** {@code redstream.auth.*}: an {@code Authenticator} bean when a JWT key or an API-key file is configured. */
    public static class Auth {

        /** JWT verification. */
        private final Jwt jwt = new Jwt();

        /** API-key file (lines of id, hash, roles, as written by the keygen command); loaded at start. */
        private Path apiKeysFile;

        /** Policy file (YAML roles and rules); default: the built-in roles. */
        private Path policyFile;

        public Jwt getJwt() {
            return jwt;
        }

        public Path getApiKeysFile() {
            return apiKeysFile;
        }

        public void setApiKeysFile(Path apiKeysFile) {
            this.apiKeysFile = apiKeysFile;
        }

        public Path getPolicyFile() {
            return policyFile;
        }

        public void setPolicyFile(Path policyFile) {
            this.policyFile = policyFile;
        }
    }

    /** {@code redstream.auth.jwt.*}. */
    public static class Jwt {

        /** HS256 secret as text, at least 32 bytes; exclusive with secret-file. Prefer secret-file or an env var. */
        private String secret;

        /** File holding the HS256 secret as text (surrounding whitespace trimmed), at least 32 bytes. */
        private Path secretFile;

        /** PEM public key (RSA 2048+ for RS256, EC P-256 for ES256). */
        private Path publicKeyFile;

        /** Required iss claim. Default: not checked. */
        private String issuer;

        /** Required aud claim. Default: not checked. */
        private String audience;

        /** Longest accepted token lifetime (exp - iat). */
        private Duration maxTokenLifetime = Duration.ofHours(24);

        /** Tolerance for exp, nbf and iat. */
        private Duration clockSkew = Duration.ofSeconds(60);

        public String getSecret() {
            return secret;
        }

        public void setSecret(String secret) {
            this.secret = secret;
        }

        public Path getSecretFile() {
            return secretFile;
        }

        public void setSecretFile(Path secretFile) {
            this.secretFile = secretFile;
        }

        public Path getPublicKeyFile() {
            return publicKeyFile;
        }

        public void setPublicKeyFile(Path publicKeyFile) {
            this.publicKeyFile = publicKeyFile;
        }

        public String getIssuer() {
            return issuer;
        }

        public void setIssuer(String issuer) {
            this.issuer = issuer;
        }

        public String getAudience() {
            return audience;
        }

        public void setAudience(String audience) {
            this.audience = audience;
        }

        public Duration getMaxTokenLifetime() {
            return maxTokenLifetime;
        }

        public void setMaxTokenLifetime(Duration maxTokenLifetime) {
            this.maxTokenLifetime = maxTokenLifetime;
        }

        public Duration getClockSkew() {
            return clockSkew;
        }

        public void setClockSkew(Duration clockSkew) {
            this.clockSkew = clockSkew;
        }
    }

    /** {@code redstream.listener.*}. */
    public static class Listener {

        /** Whether @RedStreamListener consumers start with the application context. */
        private boolean autoStartup = true;

        /**
         * Second half of default consumer names (identity-instanceId), 1 to 64 of [A-Za-z0-9_.:-]. Default: host name
         * and process id. A stable value per instance (a StatefulSet pod name) lets a restarted instance take back
         * its own pending entries at once.
         */
        private String instanceId;

        public boolean isAutoStartup() {
            return autoStartup;
        }

        public void setAutoStartup(boolean autoStartup) {
            this.autoStartup = autoStartup;
        }

        public String getInstanceId() {
            return instanceId;
        }

        public void setInstanceId(String instanceId) {
            this.instanceId = instanceId;
        }
    }
}
