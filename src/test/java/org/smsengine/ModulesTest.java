package org.smsengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules, as Spring Modulith reads them: each top-level package a module that others reach only through its
 * base package (or a sub-package it names with {@code @NamedInterface}), with no cycle between modules. The
 * diagram in {@code docs/modules/} is the one drawn from the code: {@code -Dmodules.docs.write=true} redraws it.
 */
class ModulesTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(SmsEngineApplication.class);
    private static final Path DOCS = Path.of("docs", "modules");

    @Test
    void everyModuleIsReachedOnlyThroughWhatItExposesAndNoneNeedsItself() {
        MODULES.verify();
    }

    @Test
    void theModuleDiagramInTheDocsIsTheOneDrawnFromTheCode() throws IOException {
        Path drawn = Path.of("target", "modules-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(drawn.toString()))
                .writeModulesAsPlantUml(Documenter.DiagramOptions.defaults()
                        .withStyle(Documenter.DiagramOptions.DiagramStyle.C4));
        Path diagram = drawn.resolve("components.puml");
        if (Boolean.getBoolean("modules.docs.write")) {
            Files.createDirectories(DOCS);
            Files.copy(diagram, DOCS.resolve("components.puml"), StandardCopyOption.REPLACE_EXISTING);
        }
        // Modulith lists the modules and their relations in no fixed order: the same lines are the same diagram
        assertThat(sortedLines(DOCS.resolve("components.puml"))).as("docs/modules/components.puml is stale: run"
                + " ./mvnw test -Dtest=ModulesTest -Dmodules.docs.write=true").isEqualTo(sortedLines(diagram));
    }

    private static List<String> sortedLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().sorted().toList();
    }
}
