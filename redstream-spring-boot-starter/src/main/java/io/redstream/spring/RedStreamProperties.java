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
 * <pre>{@code
 * # application.properties
 * redstream.redis-uri=redis://redis.internal:6379
 * redstream.namespace=nova
 * redstream.pool-size=32
 * redstream.auth.jwt.secret-file=/run/secrets/jwt-secret
 * redstream.listener.instance-id=${POD_NAME}
 * }</pre>
 *
 * <p>Bound by {@link io.redstream.spring.autoconfigure.RedStreamAutoConfiguration}, which hands each value to the
 * core builder; an invalid value fails the start with a {@link RedStreamConfigurationException} naming the
 * property. A mutable binding target, filled once by Spring Boot at start; not thread-safe while being bound.
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

    /** How long opening a connection to Redis may take. */
    private Duration connectTimeout = Duration.ofSeconds(2);

    /** Socket timeout of ordinary commands; blocking reads get their block time on top. */
    private Duration socketTimeout = Duration.ofSeconds(2);

    /** Authentication and authorization beans. */
    private final Auth auth = new Auth();

    /** Defaults of @RedStreamListener consumers. */
    private final Listener listener = new Listener();

    /** Properties with every default; Spring Boot binds the configured values into it. */
    public RedStreamProperties() {
    }

    /**
     * The standalone Redis URI ({@code redstream.redis-uri}).
     *
     * @return the URI, or null when not set (then the core default, unless cluster nodes are set)
     */
    public String getRedisUri() {
        return redisUri;
    }

    /**
     * Sets {@code redstream.redis-uri}; exclusive with {@link #setClusterNodes cluster nodes}.
     *
     * @param redisUri {@code redis://} or {@code rediss://} URI, or null for the default
     */
    public void setRedisUri(String redisUri) {
        this.redisUri = redisUri;
    }

    /**
     * The Redis Cluster seed nodes ({@code redstream.cluster-nodes}).
     *
     * @return the {@code host:port} entries; empty for a standalone Redis
     */
    public List<String> getClusterNodes() {
        return clusterNodes;
    }

    /**
     * Sets {@code redstream.cluster-nodes}; exclusive with {@link #setRedisUri the Redis URI}.
     *
     * @param clusterNodes {@code host:port} seed nodes
     */
    public void setClusterNodes(List<String> clusterNodes) {
        this.clusterNodes = clusterNodes;
    }

    /**
     * The client identity ({@code redstream.identity}).
     *
     * @return the configured identity, or null to use {@code spring.application.name}, else {@code redstream}
     */
    public String getIdentity() {
        return identity;
    }

    /**
     * Sets {@code redstream.identity}.
     *
     * @param identity 1 to 128 of {@code [A-Za-z0-9_.:@-]}, or null for the default
     */
    public void setIdentity(String identity) {
        this.identity = identity;
    }

    /**
     * The namespace ({@code redstream.namespace}).
     *
     * @return the first segment of every name; {@code nova} unless configured
     */
    public String getNamespace() {
        return namespace;
    }

    /**
     * Sets {@code redstream.namespace}; validated by the core naming policy at start.
     *
     * @param namespace the namespace
     */
    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    /**
     * The allowed domains ({@code redstream.domains}).
     *
     * @return the configured domains; empty means the core default set
     */
    public List<String> getDomains() {
        return domains;
    }

    /**
     * Sets {@code redstream.domains}; validated by the core naming policy at start.
     *
     * @param domains the domains, replacing the default set
     */
    public void setDomains(List<String> domains) {
        this.domains = domains;
    }

    /**
     * The Redis ACL user ({@code redstream.user}).
     *
     * @return the user, or null to use the URI's (or none)
     */
    public String getUser() {
        return user;
    }

    /**
     * Sets {@code redstream.user}, overriding the URI's.
     *
     * @param user the ACL user name
     */
    public void setUser(String user) {
        this.user = user;
    }

    /**
     * The Redis password ({@code redstream.password}); never logged, and left out of {@link #toString()}.
     *
     * @return the password, or null to use the URI's (or none)
     */
    public String getPassword() {
        return password;
    }

    /**
     * Sets {@code redstream.password}, overriding the URI's.
     *
     * @param password the password
     */
    public void setPassword(String password) {
        this.password = password;
    }

    /**
     * Whether TLS is used ({@code redstream.ssl}).
     *
     * @return the configured value, or null to follow the URI scheme ({@code rediss}; off for cluster nodes)
     */
    public Boolean getSsl() {
        return ssl;
    }

    /**
     * Sets {@code redstream.ssl}.
     *
     * @param ssl {@code true} or {@code false}, or null to follow the URI scheme
     */
    public void setSsl(Boolean ssl) {
        this.ssl = ssl;
    }

    /**
     * The connection pool size ({@code redstream.pool-size}).
     *
     * @return the most pooled connections (per node on a cluster); 16 unless configured
     */
    public int getPoolSize() {
        return poolSize;
    }

    /**
     * Sets {@code redstream.pool-size}.
     *
     * @param poolSize 1 to 1024
     */
    public void setPoolSize(int poolSize) {
        this.poolSize = poolSize;
    }

    /**
     * The connection timeout ({@code redstream.connect-timeout}).
     *
     * @return how long opening a connection may take; 2 s unless configured
     */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Sets {@code redstream.connect-timeout}; the core builder checks the range.
     *
     * @param connectTimeout a positive duration
     */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /**
     * The socket timeout of ordinary commands ({@code redstream.socket-timeout}).
     *
     * @return the timeout (blocking reads get their block time on top); 2 s unless configured
     */
    public Duration getSocketTimeout() {
        return socketTimeout;
    }

    /**
     * Sets {@code redstream.socket-timeout}; the core builder checks the range.
     *
     * @param socketTimeout a positive duration
     */
    public void setSocketTimeout(Duration socketTimeout) {
        this.socketTimeout = socketTimeout;
    }

    /**
     * The {@code redstream.auth.*} properties.
     *
     * @return the nested properties, never null
     */
    public Auth getAuth() {
        return auth;
    }

    /**
     * The {@code redstream.listener.*} properties.
     *
     * @return the nested properties, never null
     */
    public Listener getListener() {
        return listener;
    }

    @Override
    public String toString() {
        return "RedStreamProperties[redisUri=" + (redisUri == null ? null : "(set)") + ", clusterNodes="
                + clusterNodes + ", identity=" + identity + ", namespace=" + namespace + "]";
    }

    /**
     * {@code redstream.auth.*}: an {@code Authenticator} bean when a JWT key or an API-key file is configured, and a
     * {@code Policy} bean whenever anything here is set; see
     * {@link io.redstream.spring.autoconfigure.RedStreamAuthAutoConfiguration}.
     */
    public static class Auth {

        /** JWT verification. */
        private final Jwt jwt = new Jwt();

        /** API-key file (lines of id, hash, roles, as written by the keygen command); loaded at start. */
        private Path apiKeysFile;

        /** Policy file (YAML roles and rules); default: the built-in roles. */
        private Path policyFile;

        /** Auth properties with every default: nothing configured, no auth beans. */
        public Auth() {
        }

        /**
         * The {@code redstream.auth.jwt.*} properties.
         *
         * @return the nested properties, never null
         */
        public Jwt getJwt() {
            return jwt;
        }

        /**
         * The API-keys file ({@code redstream.auth.api-keys-file}).
         *
         * @return the file, or null when API keys are not accepted
         */
        public Path getApiKeysFile() {
            return apiKeysFile;
        }

        /**
         * Sets {@code redstream.auth.api-keys-file}; the file is read at start and must be valid.
         *
         * @param apiKeysFile the file, in the format of {@code io.redstream.auth.ApiKeyRecord}
         */
        public void setApiKeysFile(Path apiKeysFile) {
            this.apiKeysFile = apiKeysFile;
        }

        /**
         * The policy file ({@code redstream.auth.policy-file}).
         *
         * @return the file, or null for the built-in roles only
         */
        public Path getPolicyFile() {
            return policyFile;
        }

        /**
         * Sets {@code redstream.auth.policy-file}; the file is read at start and must be valid.
         *
         * @param policyFile a YAML policy file
         */
        public void setPolicyFile(Path policyFile) {
            this.policyFile = policyFile;
        }
    }

    /**
     * {@code redstream.auth.jwt.*}: how JWTs are verified. At least one of {@code secret}, {@code secret-file} or
     * {@code public-key-file} turns JWT authentication on.
     */
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

        /** JWT properties with every default: no key, no issuer or audience check. */
        public Jwt() {
        }

        /**
         * The HS256 secret given inline ({@code redstream.auth.jwt.secret}).
         *
         * @return the secret text, or null when not set
         */
        public String getSecret() {
            return secret;
        }

        /**
         * Sets {@code redstream.auth.jwt.secret}; exclusive with the secret file. Surrounding whitespace is trimmed.
         *
         * @param secret the secret text, at least 32 bytes in UTF-8
         */
        public void setSecret(String secret) {
            this.secret = secret;
        }

        /**
         * The file holding the HS256 secret ({@code redstream.auth.jwt.secret-file}).
         *
         * @return the file, or null when not set
         */
        public Path getSecretFile() {
            return secretFile;
        }

        /**
         * Sets {@code redstream.auth.jwt.secret-file}; exclusive with the inline secret. Read once at start.
         *
         * @param secretFile a text file holding at least 32 bytes of secret
         */
        public void setSecretFile(Path secretFile) {
            this.secretFile = secretFile;
        }

        /**
         * The PEM public key for RS256 or ES256 tokens ({@code redstream.auth.jwt.public-key-file}).
         *
         * @return the file, or null when not set
         */
        public Path getPublicKeyFile() {
            return publicKeyFile;
        }

        /**
         * Sets {@code redstream.auth.jwt.public-key-file}; may be combined with an HS256 secret. Read once at start.
         *
         * @param publicKeyFile a PEM file with a {@code BEGIN PUBLIC KEY} block, RSA 2048+ or EC P-256
         */
        public void setPublicKeyFile(Path publicKeyFile) {
            this.publicKeyFile = publicKeyFile;
        }

        /**
         * The required {@code iss} claim ({@code redstream.auth.jwt.issuer}).
         *
         * @return the issuer, or null when {@code iss} is not checked
         */
        public String getIssuer() {
            return issuer;
        }

        /**
         * Sets {@code redstream.auth.jwt.issuer}.
         *
         * @param issuer the expected issuer, not blank
         */
        public void setIssuer(String issuer) {
            this.issuer = issuer;
        }

        /**
         * The audience the {@code aud} claim must contain ({@code redstream.auth.jwt.audience}).
         *
         * @return the audience, or null when {@code aud} is not checked
         */
        public String getAudience() {
            return audience;
        }

        /**
         * Sets {@code redstream.auth.jwt.audience}.
         *
         * @param audience the expected audience, not blank
         */
        public void setAudience(String audience) {
            this.audience = audience;
        }

        /**
         * The longest accepted token lifetime ({@code redstream.auth.jwt.max-token-lifetime}).
         *
         * @return the bound on {@code exp - iat}; 24 h unless configured
         */
        public Duration getMaxTokenLifetime() {
            return maxTokenLifetime;
        }

        /**
         * Sets {@code redstream.auth.jwt.max-token-lifetime}.
         *
         * @param maxTokenLifetime a positive duration
         */
        public void setMaxTokenLifetime(Duration maxTokenLifetime) {
            this.maxTokenLifetime = maxTokenLifetime;
        }

        /**
         * The tolerance of the time claims ({@code redstream.auth.jwt.clock-skew}).
         *
         * @return the tolerance for {@code exp}, {@code nbf} and {@code iat}; 60 s unless configured
         */
        public Duration getClockSkew() {
            return clockSkew;
        }

        /**
         * Sets {@code redstream.auth.jwt.clock-skew}.
         *
         * @param clockSkew between zero and 10 minutes
         */
        public void setClockSkew(Duration clockSkew) {
            this.clockSkew = clockSkew;
        }
    }

    /** {@code redstream.listener.*}: defaults of the consumers of {@link RedStreamListener} methods. */
    public static class Listener {

        /** Whether @RedStreamListener consumers start with the application context. */
        private boolean autoStartup = true;

        /**
         * Second half of default consumer names (identity-instanceId), 1 to 64 of [A-Za-z0-9_.:-]. Default: host name
         * and process id. A stable value per instance (a StatefulSet pod name) lets a restarted instance take back
         * its own pending entries at once.
         */
        private String instanceId;

        /** Listener properties with every default. */
        public Listener() {
        }

        /**
         * Whether listener consumers start with the context ({@code redstream.listener.auto-startup}).
         *
         * @return {@code true} unless configured off
         */
        public boolean isAutoStartup() {
            return autoStartup;
        }

        /**
         * Sets {@code redstream.listener.auto-startup}; when off, the listener container must be started explicitly.
         *
         * @param autoStartup whether consumers start with the context
         */
        public void setAutoStartup(boolean autoStartup) {
            this.autoStartup = autoStartup;
        }

        /**
         * The instance part of default consumer names ({@code redstream.listener.instance-id}).
         *
         * @return the configured id, or null for host name and process id
         */
        public String getInstanceId() {
            return instanceId;
        }

        /**
         * Sets {@code redstream.listener.instance-id}; checked when the listeners are set up.
         *
         * @param instanceId 1 to 64 of {@code [A-Za-z0-9_.:-]}, stable per instance
         */
        public void setInstanceId(String instanceId) {
            this.instanceId = instanceId;
        }
    }
}
