package org.smsengine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The house rules Spring Modulith does not check ({@link ModulesTest} checks the modules): no package, at any depth,
 * needs itself through others; the steps of the pipeline stand alone; a provider's SPI knows none of its
 * implementations.
 */
class ArchitectureTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.smsengine");

    @Test
    void noPackageAtAnyDepthDependsOnItselfThroughOthers() {
        slices().matching("org.smsengine.(**)").should().beFreeOfCycles().check(ENGINE);
    }

    @Test
    void noEnginePackageImportsTheSimulator() {
        noClasses().that().resideOutsideOfPackage("org.smsengine.simulator..")
                .should().dependOnClassesThat().resideInAPackage("org.smsengine.simulator..")
                .because("the simulator stands in for a carrier: the engine reaches it over SMPP and HTTP only")
                .check(ENGINE);
    }

    @Test
    void theProvidersSpiKnowsNoneOfItsImplementations() {
        noClasses().that().resideInAPackage("org.smsengine.provider")
                .should().dependOnClassesThat().resideInAnyPackage("org.smsengine.provider.*..")
                .check(ENGINE);
    }

    @Test
    void theStepsOfThePipelineDoNotDependOnEachOther() {
        slices().matching("org.smsengine.pipeline.(*)..").should().notDependOnEachOther().check(ENGINE);
    }
}
