package io.streamdesk.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** MVVM rules of the UI: view models hold state only, no scene graph; the UI never reaches around the services. */
class UiArchitectureTest {
    private static final JavaClasses UI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.streamdesk.ui");

    @Test
    void viewModelsDoNotTouchTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "org.fxmisc..", "atlantafx..")
                .check(UI);
    }

    @Test
    void uiUsesServicesNotAdapters() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("io.streamdesk.store..", "io.streamdesk.flink..", "io.streamdesk.k8s..",
                        "io.streamdesk.service.port..")
                .check(UI);
    }
}
