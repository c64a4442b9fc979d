package io.redstream.auth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module boundaries, without module-info: auth depends on core's API only, and knows nothing of MCP. */
class ModuleBoundariesTest {
    private static final JavaClasses AUTH = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.redstream.auth");

    @Test
    void auth_usesNoCoreInternals() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.redstream.core.internal..").check(AUTH);
    }

    @Test
    void auth_knowsNothingOfMcpOrJedis() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("io.redstream.mcp..", "io.modelcontextprotocol..", "redis.clients..")
                .check(AUTH);
    }
}
