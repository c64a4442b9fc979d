package io.redstream.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The module boundary: no JJWT (or Jackson) type in a public signature of auth; implementation stays in internal. */
class PublicApiTest {
    private static final List<Class<?>> API = List.of(Authenticator.class, Authenticator.Builder.class,
            TokenIssuer.class, TokenIssuer.Builder.class, Principal.class, AuthMethod.class, AuthMethod.Jwt.class,
            AuthMethod.ApiKey.class, AuthMethod.Local.class, ApiKeys.class, ApiKeyRecord.class,
            ApiKeyGenerator.class, GeneratedApiKey.class, ApiKeyCommand.class, Policy.class, Policy.Builder.class,
            PolicyRule.class, PolicyRule.Effect.class, DenialAudit.class, DenialAudit.Builder.class, KeyFiles.class);

    @Test
    void publicSignatures_exposeNoLibraryOrInternalTypes() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> c : API) {
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers())) {
                    check(leaks, m, m.getGenericReturnType());
                    checkParameters(leaks, m);
                }
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (Modifier.isPublic(k.getModifiers())) {
                    checkParameters(leaks, k);
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers())) {
                    check(leaks, f, f.getGenericType());
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    private static void checkParameters(List<String> leaks, Executable e) {
        for (Type t : e.getGenericParameterTypes()) {
            check(leaks, e, t);
        }
    }

    private static void check(List<String> leaks, Object member, Type type) {
        String name = type.getTypeName();
        if (name.contains("io.jsonwebtoken") || name.contains("com.fasterxml") || name.contains(".internal.")) {
            leaks.add(member + " uses " + name);
        }
    }
}
