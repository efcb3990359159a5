package io.streamdesk.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layers of ARCHITECTURE.md: ui -> service -> model; adapters behind service ports; cli -> service. */
class LayerRulesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.streamdesk");
    }

    @Test
    void modelDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("io.streamdesk.model..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.streamdesk.service..", "io.streamdesk.store..", "io.streamdesk.flink..",
                        "io.streamdesk.ui..", "io.streamdesk.cli..", "io.streamdesk.app..", "javafx..")
                .check(classes);
    }

    @Test
    void serviceDoesNotKnowAdaptersOrUi() {
        noClasses().that().resideInAPackage("io.streamdesk.service..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.streamdesk.store..", "io.streamdesk.flink..", "io.streamdesk.ui..",
                        "io.streamdesk.cli..", "javafx..", "org.hibernate..", "org.apache.flink..")
                .check(classes);
    }

    @Test
    void uiAndCliDoNotImportAdapters() {
        noClasses().that().resideInAnyPackage("io.streamdesk.ui..", "io.streamdesk.cli..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.streamdesk.store..", "io.streamdesk.flink..", "org.hibernate..", "org.apache.flink..")
                .check(classes);
    }

    @Test
    void adaptersDoNotImportUi() {
        noClasses().that().resideInAnyPackage("io.streamdesk.store..", "io.streamdesk.flink..")
                .should().dependOnClassesThat().resideInAnyPackage("io.streamdesk.ui..", "io.streamdesk.cli..", "javafx..")
                .check(classes);
    }

    @Test
    void viewModelsDoNotImportTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..")
                .check(classes);
    }
}
