package io.streamdesk.arch;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layers of ARCHITECTURE.md in one rule:
 * <pre>
 * ui  -> service -> model          adapters (store, flink, k8s, delivery) -> service.port -> model
 * cli -> service                   app -> everything: it wires the adapters into the one service graph
 * </pre>
 * The libraries that belong to one layer are layers too, so a service cannot reach Flink's classes or Hibernate, and
 * no adapter or service can reach JavaFX. Layers with no classes yet (delivery) are optional: the rule holds
 * for them from their first class on. The k8s adapter (issue 13) reaches Flink's REST API only through the
 * {@code service.port.RestGatewayFactory} port the app wires the Flink adapter's client into, never the flink package. View models and the scene graph: {@code ui/UiArchitectureTest}.
 */
class LayeredArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.streamdesk");

    @Test
    void layersDependOnlyDownwards() {
        layeredArchitecture()
                .consideringOnlyDependenciesInAnyPackage("io.streamdesk..", "javafx..", "org.hibernate..",
                        "jakarta.persistence..", "org.apache.flink..", "io.fabric8..")
                .withOptionalLayers(true)

                .layer("App").definedBy("io.streamdesk", "io.streamdesk.app..")
                .layer("UI").definedBy("io.streamdesk.ui..")
                .layer("CLI").definedBy("io.streamdesk.cli..")
                .layer("Service").definedBy(JavaClass.Predicates.resideInAPackage("io.streamdesk.service..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("io.streamdesk.service.port.."))))
                .layer("ServicePorts").definedBy("io.streamdesk.service.port..")
                .layer("Model").definedBy("io.streamdesk.model..")
                .layer("Store").definedBy("io.streamdesk.store..")
                .layer("Flink").definedBy("io.streamdesk.flink..")
                .layer("K8s").definedBy("io.streamdesk.k8s..")
                .layer("Delivery").definedBy("io.streamdesk.delivery..")
                .layer("JavaFX").definedBy("javafx..")
                .layer("Hibernate").definedBy("org.hibernate..", "jakarta.persistence..")
                .layer("FlinkLibraries").definedBy("org.apache.flink..")
                .layer("KubernetesClient").definedBy("io.fabric8..")

                // rules on what each layer reaches: "may only be accessed by" looks at the classes of the accessed
                // layer, and the libraries' classes are not imported, so it would never see a service using Flink
                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .whereLayer("UI").mayOnlyAccessLayers("Service", "Model", "JavaFX")
                // the CLI's check-sql runs the SQL checker before (and without) opening the data directory
                .whereLayer("CLI").mayOnlyAccessLayers("Service", "ServicePorts", "Model")
                .whereLayer("Service").mayOnlyAccessLayers("ServicePorts", "Model")
                .whereLayer("ServicePorts").mayOnlyAccessLayers("Model")
                .whereLayer("Model").mayNotAccessAnyLayer()
                .whereLayer("Store").mayOnlyAccessLayers("ServicePorts", "Model", "Hibernate")
                .whereLayer("Flink").mayOnlyAccessLayers("ServicePorts", "Model", "FlinkLibraries")
                .whereLayer("K8s").mayOnlyAccessLayers("ServicePorts", "Model", "KubernetesClient")
                .whereLayer("Delivery").mayOnlyAccessLayers("ServicePorts", "Model")
                .check(CLASSES);
    }
}
