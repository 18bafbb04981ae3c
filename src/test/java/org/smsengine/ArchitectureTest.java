package org.smsengine;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The house rules that hold the packages together: one package per feature, and no feature that
 * needs, through any walk of others, a feature that needs it (a cycle makes two features one).
 */
class ArchitectureTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.smsengine");

    @Test
    void noFeaturePackageDependsOnItselfThroughOthers() {
        slices().matching("org.smsengine.(*)..").should().beFreeOfCycles().check(ENGINE);
    }

    @Test
    void theStepsOfThePipelineDoNotDependOnEachOther() {
        slices().matching("org.smsengine.pipeline.(*)..").should().notDependOnEachOther().check(ENGINE);
    }
}
