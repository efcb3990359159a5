package io.streamdesk.ui.clusters;

import io.streamdesk.model.cluster.KubeconfigContext;
import java.io.File;
import javafx.beans.property.StringProperty;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The Kubernetes fields of the cluster dialog (R3, R4), a thin view over {@link KubernetesEditorViewModel}: the
 * kubeconfig file with its contexts (read off the FX thread when the kind is chosen, the file changes or Reload is
 * pressed), namespace, the FlinkDeployment's settings, DNS settings, savepoint directory and REST URL override.
 */
final class KubernetesFields {
    private final KubernetesEditorViewModel vm;
    private final GridPane grid = ClusterEditorDialog.grid(130);

    KubernetesFields(KubernetesEditorViewModel vm, Window owner) {
        this.vm = vm;
        TextField kubeconfig = ClusterEditorDialog.field("k8sKubeconfig", vm.kubeconfigProperty(),
                KubernetesEditorViewModel.KUBECONFIG_DEFAULT_HINT);
        kubeconfig.setOnAction(e -> vm.loadContexts());
        kubeconfig.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                vm.loadContexts();
            }
        });
        Button browse = new Button("Browse\u2026");
        browse.setId("k8sKubeconfigBrowse");
        browse.setMinWidth(Region.USE_PREF_SIZE);
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Choose the kubeconfig file");
            File home = new File(System.getProperty("user.home"), ".kube");
            if (home.isDirectory()) {
                chooser.setInitialDirectory(home);
            }
            File f = chooser.showOpenDialog(kubeconfig.getScene() == null ? owner : kubeconfig.getScene().getWindow());
            if (f != null) {
                kubeconfig.setText(f.getAbsolutePath());
                vm.loadContexts();
            }
        });
        HBox.setHgrow(kubeconfig, Priority.ALWAYS);
        kubeconfig.setMaxWidth(Double.MAX_VALUE);

        ComboBox<KubeconfigContext> context = new ComboBox<>(vm.contexts());
        context.setId("k8sContext");
        context.setMaxWidth(Double.MAX_VALUE);
        context.setPromptText("the kubeconfig's current context");
        context.valueProperty().bindBidirectional(vm.contextProperty());
        context.setConverter(new StringConverter<>() {
            @Override
            public String toString(KubeconfigContext c) {
                return KubernetesEditorViewModel.describe(c);
            }

            @Override
            public KubeconfigContext fromString(String text) {
                return null;
            }
        });
        context.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(KubeconfigContext c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty ? null : KubernetesEditorViewModel.describe(c));
            }
        });
        Button reload = new Button("Reload");
        reload.setId("k8sReloadContexts");
        reload.setMinWidth(Region.USE_PREF_SIZE);
        reload.setOnAction(e -> vm.loadContexts());
        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(16, 16);
        loading.visibleProperty().bind(vm.loadingContextsProperty());
        loading.managedProperty().bind(loading.visibleProperty());
        HBox.setHgrow(context, Priority.ALWAYS);
        Label contextsError = new Label();
        contextsError.setId("k8sContextsError");
        contextsError.getStyleClass().add("inline-error");
        contextsError.setWrapText(true);
        contextsError.setMaxWidth(500);
        contextsError.textProperty().bind(vm.contextsErrorProperty());
        contextsError.visibleProperty().bind(contextsError.textProperty().isNotEmpty());
        contextsError.managedProperty().bind(contextsError.visibleProperty());

        int r = 0;
        r = row(r, "Kubeconfig", new HBox(6, kubeconfig, browse));
        r = row(r, "Context", new javafx.scene.layout.VBox(4, new HBox(6, context, loading, reload), contextsError));
        r = row(r, "Namespace", ClusterEditorDialog.field("k8sNamespace", vm.namespaceProperty(),
                "the context's namespace"));
        r = row(r, "Deployment name", ClusterEditorDialog.field("k8sDeployment", vm.deploymentNameProperty(),
                "FlinkDeployment name, e.g. analytics-session"));
        r = row(r, "Image", ClusterEditorDialog.field("k8sImage", vm.imageProperty(), "e.g. flink:2.3"));
        r = row(r, "Flink version", ClusterEditorDialog.field("k8sFlinkVersion", vm.flinkVersionProperty(), "v2_3"));
        grid.add(ClusterEditorDialog.hint(KubernetesEditorViewModel.FLINK_VERSION_HINT), 1, r++);
        r = row(r, "JobManager", resources("k8sJm", vm.jmCpuProperty(), vm.jmMemoryProperty(), null));
        r = row(r, "TaskManagers", resources("k8sTm", vm.tmCpuProperty(), vm.tmMemoryProperty(),
                vm.tmReplicasProperty()));
        r = row(r, "Task slots", small("k8sSlots", vm.taskSlotsProperty(), "per TaskManager", 64));
        r = row(r, "Flink configuration", area("k8sFlinkConf", vm.flinkConfigurationProperty(),
                "key: value, one per line (state.backend.type: rocksdb)", 3));
        r = row(r, "Host aliases", area("k8sHostAliases", vm.hostAliasesProperty(),
                "one per line: IP, then host names (10.0.0.12 kafka-1.internal kafka-2.internal)", 2));
        r = row(r, "DNS name servers", ClusterEditorDialog.field("k8sNameservers", vm.nameserversProperty(),
                "optional: IPs, comma-separated (at most 3)"));
        r = row(r, "DNS search domains", ClusterEditorDialog.field("k8sSearches", vm.searchesProperty(),
                "optional: e.g. analytics.svc.cluster.local"));
        r = row(r, "Savepoint directory", ClusterEditorDialog.field("k8sSavepointDir", vm.savepointDirProperty(),
                "required: e.g. s3://bucket/savepoints"));
        grid.add(ClusterEditorDialog.hint(KubernetesEditorViewModel.SAVEPOINT_HINT), 1, r++);
        r = row(r, "REST URL override", ClusterEditorDialog.field("k8sRestUrl", vm.restUrlProperty(),
                "optional: e.g. https://flink.example.com"));
        grid.add(ClusterEditorDialog.hint(KubernetesEditorViewModel.REST_HINT), 1, r);
    }

    GridPane grid() {
        return grid;
    }

    private int row(int r, String key, Node value) {
        Label k = new Label(key);
        k.setMinWidth(Region.USE_PREF_SIZE); // "DNS search domains" in full
        grid.addRow(r, k, value);
        // beside a text area the label sits at its first line; beside one-line fields it is centred as they are
        boolean tall = value instanceof TextArea || value instanceof javafx.scene.layout.VBox;
        GridPane.setValignment(k, tall ? VPos.TOP : VPos.CENTER);
        if (tall) {
            k.setPadding(new javafx.geometry.Insets(5, 0, 0, 0));
        }
        return r + 1;
    }

    private static HBox resources(String id, StringProperty cpu, StringProperty memory, StringProperty replicas) {
        HBox box = new HBox(6, muted("CPU"), small(id + "Cpu", cpu, "cores", 64), muted("Memory"),
                small(id + "Memory", memory, "e.g. 2048m", 96));
        if (replicas != null) {
            box.getChildren().addAll(muted("Replicas"), small(id + "Replicas", replicas, "count", 64));
        } else {
            box.getChildren().add(muted("1 replica (session mode)"));
        }
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static TextField small(String id, StringProperty property, String prompt, double width) {
        TextField f = ClusterEditorDialog.field(id, property, prompt);
        f.setPrefWidth(width);
        f.setMinWidth(width);
        f.setMaxWidth(width);
        return f;
    }

    private static TextArea area(String id, StringProperty property, String prompt, int rows) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setPromptText(prompt);
        a.textProperty().bindBidirectional(property);
        a.setPrefRowCount(rows);
        a.setPrefColumnCount(32);
        a.getStyleClass().add("monospace");
        return a;
    }
}
