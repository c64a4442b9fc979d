package io.redstream.spring.internal;

import io.redstream.auth.ApiKeys;
import io.redstream.auth.Authenticator;
import io.redstream.auth.KeyFiles;
import io.redstream.auth.Policy;
import io.redstream.core.naming.NamingPolicy;
import io.redstream.spring.RedStreamConfigurationException;
import io.redstream.spring.RedStreamProperties;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Builds the {@link Authenticator} and {@link Policy} beans from {@code redstream.auth.*}. Files are read once, at
 * start; the auth module owns every rule, this class only names the property a rejection came from.
 */
public final class AuthFactory {
    private final RedStreamProperties.Auth auth;

    /**
     * A factory over the bound auth properties.
     *
     * @param auth the {@code redstream.auth.*} properties
     */
    public AuthFactory(RedStreamProperties.Auth auth) {
        this.auth = auth;
    }

    /**
     * Builds the authenticator from the JWT settings and the API-keys file, reading the files now.
     *
     * @return the authenticator
     * @throws RedStreamConfigurationException naming the property that is invalid (the inline secret masked), that
     *                                         conflicts with another, or that names an unreadable file
     */
    public Authenticator authenticator() {
        RedStreamProperties.Jwt jwt = auth.getJwt();
        Authenticator.Builder b = Authenticator.builder();
        if (jwt.getSecret() != null && jwt.getSecretFile() != null) {
            throw new RedStreamConfigurationException("redstream.auth.jwt.secret",
                    "redstream.auth.jwt.secret and redstream.auth.jwt.secret-file are exclusive: give the HS256 secret"
                            + " once", PropertyCheck.MASK);
        }
        if (jwt.getSecret() != null) {
            byte[] secret = jwt.getSecret().strip().getBytes(StandardCharsets.UTF_8);
            PropertyCheck.run("redstream.auth.jwt.secret", PropertyCheck.MASK, () -> b.hmacSecret(secret));
        }
        if (jwt.getSecretFile() != null) {
            byte[] secret = read("redstream.auth.jwt.secret-file", jwt.getSecretFile(),
                    () -> KeyFiles.readHmacSecret(jwt.getSecretFile()));
            b.hmacSecret(secret);
        }
        if (jwt.getPublicKeyFile() != null) {
            Path file = jwt.getPublicKeyFile();
            PropertyCheck.run("redstream.auth.jwt.public-key-file", file,
                    () -> b.publicKey(read("redstream.auth.jwt.public-key-file", file,
                            () -> KeyFiles.readPublicKey(file))));
        }
        if (jwt.getIssuer() != null) {
            PropertyCheck.run("redstream.auth.jwt.issuer", jwt.getIssuer(), () -> b.issuer(jwt.getIssuer()));
        }
        if (jwt.getAudience() != null) {
            PropertyCheck.run("redstream.auth.jwt.audience", jwt.getAudience(), () -> b.audience(jwt.getAudience()));
        }
        PropertyCheck.run("redstream.auth.jwt.max-token-lifetime", jwt.getMaxTokenLifetime(),
                () -> b.maxTokenLifetime(jwt.getMaxTokenLifetime()));
        PropertyCheck.run("redstream.auth.jwt.clock-skew", jwt.getClockSkew(), () -> b.clockSkew(jwt.getClockSkew()));
        if (auth.getApiKeysFile() != null) {
            Path file = auth.getApiKeysFile();
            b.apiKeys(read("redstream.auth.api-keys-file", file, () -> ApiKeys.load(file)));
        }
        return PropertyCheck.apply("redstream.auth", null, b::build);
    }

    /**
     * Builds the policy: the built-in roles for {@code naming}, plus the roles of the policy file when one is set.
     *
     * @param naming the client's naming policy
     * @return the policy
     * @throws RedStreamConfigurationException naming {@code redstream.auth.policy-file} when the file is unreadable or
     *                                         invalid
     */
    public Policy policy(NamingPolicy naming) {
        Policy.Builder b = Policy.builder().naming(naming);
        Path file = auth.getPolicyFile();
        if (file == null) {
            return b.build();
        }
        return read("redstream.auth.policy-file", file, () -> b.policyFile(file).build());
    }

    private static <T> T read(String property, Path file, Supplier<T> reader) {
        try {
            return PropertyCheck.apply(property, file, reader);
        } catch (UncheckedIOException e) {
            throw new RedStreamConfigurationException(property, "must name a readable file", String.valueOf(file), e);
        }
    }
}
