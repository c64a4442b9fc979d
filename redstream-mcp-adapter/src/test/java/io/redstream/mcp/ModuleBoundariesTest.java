package io.redstream.mcp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module boundaries, without module-info: the adapter uses the public APIs of core and auth, never their internals. */
class ModuleBoundariesTest {
    private static final JavaClasses MCP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.redstream.mcp");

    @Test
    void adapter_usesNoCoreOrAuthInternals() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("io.redstream.core.internal..", "io.redstream.auth.internal..")
                .check(MCP);
    }

    @Test
    void adapter_talksToRedisOnlyThroughCore() {
        noClasses().should().dependOnClassesThat().resideInAPackage("redis.clients..").check(MCP);
    }

    @Test
    void shippedCode_dependsOnNoTestCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.redstream.testkit..", "org.junit..")
                .check(MCP);
    }

    @Test
    void adapter_usesTheEmbeddedRuntimeOnlyThroughItsApi() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.redstream.embedded.internal..").check(MCP);
    }
}
