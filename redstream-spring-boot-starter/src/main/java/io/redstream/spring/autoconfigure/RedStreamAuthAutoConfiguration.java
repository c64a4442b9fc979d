package io.redstream.spring.autoconfigure;

import io.redstream.auth.Authenticator;
import io.redstream.auth.Policy;
import io.redstream.core.RedStream;
import io.redstream.spring.RedStreamProperties;
import io.redstream.spring.internal.AuthFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * {@link Authenticator} and {@link Policy} beans from {@code redstream.auth.*}: an authenticator when a JWT key
 * ({@code jwt.secret}, {@code jwt.secret-file}, {@code jwt.public-key-file}) or {@code api-keys-file} is set; a
 * policy (built-in roles, plus {@code policy-file}) whenever anything under {@code redstream.auth} is set. Use them
 * as {@code policy.secure(redStream, authenticator.authenticate(token))} to act as a caller.
 *
 * <pre>{@code
 * // redstream.auth.jwt.secret-file=/run/secrets/jwt-secret
 * // redstream.auth.policy-file=/etc/redstream/policy.yaml
 * @RestController
 * class Publish {
 *     Publish(RedStream redStream, Authenticator authenticator, Policy policy) { ... }
 *     @PostMapping("/tasks")
 *     void post(@RequestHeader("Authorization") String auth, @RequestBody Map<String, String> task) {
 *         RedStream caller = policy.secure(redStream, authenticator.authenticate(auth.substring(7)));
 *         caller.publish("nova:task:boomerang:tasks", task);          // checked against the caller's roles
 *     }
 * }
 * }</pre>
 *
 * <p>Applies when {@code redstream-auth} is on the classpath; files are read once, at start, and an invalid one
 * fails the start naming the property.
 */
@AutoConfiguration(after = RedStreamAutoConfiguration.class)
@ConditionalOnClass(Authenticator.class)
public class RedStreamAuthAutoConfiguration {

    /** Created by Spring Boot when the auto-configuration applies; not for direct use. */
    public RedStreamAuthAutoConfiguration() {
    }

    /**
     * The authenticator, when a JWT key or an API-key file is configured.
     *
     * @param properties the bound properties; {@code redstream.auth.*} is used
     * @return the authenticator
     * @throws io.redstream.spring.RedStreamConfigurationException when a {@code redstream.auth.*} property is invalid
     *                                                             or names an unreadable file
     */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(OnCredentialSource.class)
    public Authenticator redStreamAuthenticator(RedStreamProperties properties) {
        return new AuthFactory(properties.getAuth()).authenticator();
    }

    /**
     * The policy, for the client's namespace and domains: the built-in roles plus those of
     * {@code redstream.auth.policy-file}.
     *
     * @param properties the bound properties; {@code redstream.auth.policy-file} is used
     * @param redStream  the client whose naming policy the rules are validated against
     * @return the policy
     * @throws io.redstream.spring.RedStreamConfigurationException when the policy file is unreadable or invalid
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(RedStream.class)
    @Conditional(OnAuthConfigured.class)
    public Policy redStreamPolicy(RedStreamProperties properties, RedStream redStream) {
        return new AuthFactory(properties.getAuth()).policy(redStream.naming());
    }

    /** A JWT key or an API-key file is configured. */
    static final class OnCredentialSource extends AnyNestedCondition {
        OnCredentialSource() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(prefix = "redstream.auth.jwt", name = "secret")
        static final class Secret {
        }

        @ConditionalOnProperty(prefix = "redstream.auth.jwt", name = "secret-file")
        static final class SecretFile {
        }

        @ConditionalOnProperty(prefix = "redstream.auth.jwt", name = "public-key-file")
        static final class PublicKeyFile {
        }

        @ConditionalOnProperty(prefix = "redstream.auth", name = "api-keys-file")
        static final class ApiKeysFile {
        }
    }

    /** A credential source or a policy file is configured. */
    static final class OnAuthConfigured extends AnyNestedCondition {
        OnAuthConfigured() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @Conditional(OnCredentialSource.class)
        static final class Credentials {
        }

        @ConditionalOnProperty(prefix = "redstream.auth", name = "policy-file")
        static final class PolicyFile {
        }
    }
}
