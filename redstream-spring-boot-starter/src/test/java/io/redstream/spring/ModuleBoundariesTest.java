package io.redstream.spring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The starter builds on the public APIs of core and auth only, and its public API does not expose its internals. */
class ModuleBoundariesTest {
    private static final JavaClasses STARTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.redstream.spring");

    @Test
    void starter_usesNoInternalsOfCoreOrAuthAndNoJedis() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("io.redstream.core.internal..", "io.redstream.auth.internal..", "redis.clients..",
                        "io.redstream.mcp..", "io.redstream.testkit..")
                .check(STARTER);
    }

    @Test
    void publicApi_dependsOnNoStarterInternals() {
        classes().that().resideInAPackage("io.redstream.spring").should().onlyDependOnClassesThat()
                .resideOutsideOfPackage("io.redstream.spring.internal..").check(STARTER);
    }
}
