package io.redstream.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The test kit builds on the embedded runtime's public API only. */
class ModuleBoundariesTest {
    private static final JavaClasses TESTKIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.redstream.testkit");

    @Test
    void testkit_usesNoEmbeddedInternals() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.redstream.embedded.internal..").check(TESTKIT);
    }

    @Test
    void testkit_doesNotStartRedisItself() {
        // One implementation of the process: the embedded runtime's. The kit never spawns redis-server.
        noClasses().should().callConstructor(ProcessBuilder.class, String[].class).check(TESTKIT);
        noClasses().should().callConstructor(ProcessBuilder.class, java.util.List.class).check(TESTKIT);
    }
}
