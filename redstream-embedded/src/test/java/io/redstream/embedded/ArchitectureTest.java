package io.redstream.embedded;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** What the module promises its users, checked on the compiled classes. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.redstream.embedded");

    @Test
    void main_usesNoJunitNoRedisClientAndNotEmbeddedRedisCode() {
        // embedded-redis is only a source of binaries; its classes would pull Guava and commons-io back in.
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.junit..", "redis.clients..", "redis.embedded..", "com.google.common..")
                .check(MAIN);
    }

    @Test
    void publicApi_exposesNoInternalType() {
        methods().that().arePublic().and().areDeclaredInClassesThat().resideInAPackage("io.redstream.embedded")
                .should().notHaveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe("internal",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().startsWith("io.redstream.embedded.internal")))
                .check(MAIN);
    }
}
