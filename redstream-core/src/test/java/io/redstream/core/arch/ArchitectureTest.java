package io.redstream.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries (docs/architecture.md), enforced here because the module path is not used: core's public API shows
 * no Jedis type, and API packages do not reach into one another's internals except through {@code internal}.
 */
class ArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.redstream.core");

    @Test
    void publicApi_exposesNoJedisTypeInSignatures() {
        methods().that().arePublic().and().areDeclaredInClassesThat().resideOutsideOfPackage("..internal..")
                .and().areDeclaredInClassesThat().arePublic()
                .should(notMentionJedis())
                .check(CORE);
    }

    @Test
    void core_knowsNothingOfAuthOrMcp() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.redstream.auth..", "io.redstream.mcp..",
                "io.jsonwebtoken..", "io.modelcontextprotocol..").check(CORE);
    }

    @Test
    void onlyInternalAndTheEntryPoint_touchJedis() {
        noClasses().that().resideOutsideOfPackage("..internal..")
                .and(DescribedPredicate.not(JavaClass.Predicates.simpleName("RedStream")))
                .and(DescribedPredicate.not(JavaClass.Predicates.simpleNameStartingWith("RedStream$")))
                .should().dependOnClassesThat().resideInAPackage("redis.clients..")
                .check(CORE);
    }

    private static ArchCondition<JavaMethod> notMentionJedis() {
        return new ArchCondition<>("not mention a Jedis type in parameters or return type") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean bad = method.getRawReturnType().getPackageName().startsWith("redis.clients")
                        || method.getRawParameterTypes().stream()
                                .anyMatch(t -> t.getPackageName().startsWith("redis.clients"));
                if (bad) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " exposes Jedis"));
                }
            }
        };
    }
}
