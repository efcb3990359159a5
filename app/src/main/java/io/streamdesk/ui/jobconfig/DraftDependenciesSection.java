package io.streamdesk.ui.jobconfig;

import io.streamdesk.model.dependency.DependencyRef;
import io.streamdesk.model.dependency.DependencyVersion;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The "Dependencies" section of the Configuration tab (DP3, DP4): the draft's dependency versions (name@version and a
 * short hash) with Remove, and a chooser of the uploaded versions with Add. Saved with the configuration (autosave);
 * publishing freezes them.
 */
final class DraftDependenciesSection {
    static final String EMPTY = "No dependencies: choose an uploaded JAR or configuration file below and Add it. "
            + "Upload them in Dependencies (side bar).";
    static final String NOTHING_UPLOADED = "Nothing uploaded yet: open Dependencies in the side bar and Upload\u2026 a "
            + "connector or UDF JAR or a configuration file.";

    private final VBox root = new VBox(6);

    DraftDependenciesSection(JobConfigViewModel vm) {
        root.setId("draftDependencies");
        Label title = new Label("Dependencies");
        title.getStyleClass().add("section-title");
        Label hint = new Label("JARs are on the class path of the check, the compile and the run, and are shipped with"
                + " the job; publishing freezes the versions chosen here.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);

        ListView<DependencyRef> chosen = new ListView<>(vm.dependencies());
        chosen.setId("draftDependencyList");
        chosen.setPrefHeight(110);
        chosen.setMinHeight(60);
        Label empty = new Label(EMPTY);
        empty.setWrapText(true);
        empty.getStyleClass().add("empty-state");
        chosen.setPlaceholder(empty);
        chosen.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(DependencyRef ref, boolean isEmpty) {
                super.updateItem(ref, isEmpty);
                setText(isEmpty || ref == null ? null : JobConfigViewModel.label(ref));
            }
        });
        Button remove = new Button("Remove");
        remove.setId("removeDraftDependency");
        remove.disableProperty().bind(chosen.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            DependencyRef ref = chosen.getSelectionModel().getSelectedItem();
            if (ref != null) {
                vm.removeDependency(ref.name());
            }
        });

        ComboBox<DependencyVersion> available = new ComboBox<>(vm.availableDependencies());
        available.setId("availableDependencies");
        available.setMaxWidth(Double.MAX_VALUE);
        available.setMinWidth(120);
        available.setPrefWidth(200);
        HBox.setHgrow(available, Priority.ALWAYS);
        available.setPromptText("Choose a dependency version");
        available.setConverter(new StringConverter<>() {
            @Override
            public String toString(DependencyVersion v) {
                return v == null ? "" : JobConfigViewModel.label(v);
            }

            @Override
            public DependencyVersion fromString(String s) {
                return null;
            }
        });
        available.setOnShowing(e -> vm.loadAvailableDependencies());
        Button add = new Button("Add");
        add.setId("addDraftDependency");
        add.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        add.disableProperty().bind(available.valueProperty().isNull());
        add.setOnAction(e -> {
            vm.addDependency(available.getValue());
            available.setValue(null);
        });
        Label nothing = new Label(NOTHING_UPLOADED);
        nothing.setWrapText(true);
        nothing.getStyleClass().add("muted");
        nothing.visibleProperty().bind(Bindings.isEmpty(vm.availableDependencies()));
        nothing.managedProperty().bind(nothing.visibleProperty());
        Label error = new Label();
        error.getStyleClass().add("inline-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.dependencyErrorProperty());
        error.visibleProperty().bind(Bindings.isNotEmpty(vm.dependencyErrorProperty()));
        error.managedProperty().bind(error.visibleProperty());

        HBox chooser = new HBox(6, available, add);
        root.getChildren().addAll(title, hint, chosen, remove, chooser, nothing, error);
        // the choice follows the uploads made meanwhile in the Dependencies pane
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                vm.loadAvailableDependencies();
            }
        });
    }

    VBox root() {
        return root;
    }
}
