package io.streamdesk.ui.clusters;

import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.KubernetesSpec;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.clusters.KubernetesSpecText;
import io.streamdesk.model.cluster.KubeconfigContext;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Kubernetes part of the cluster dialog (R3, R4): the kubeconfig file and its contexts (read off the FX thread),
 * namespace (the chosen context's by default), the FlinkDeployment's image, Flink version, resources, task slots,
 * Flink configuration, host aliases and DNS settings, the savepoint directory (required: the pods cannot write this
 * desktop's disk) and an optional REST URL override (otherwise a port-forward). {@link #problem()} names the first
 * field that is wrong; {@link #spec()} builds what the service stores.
 */
public final class KubernetesEditorViewModel {
    public static final String KUBECONFIG_DEFAULT_HINT = "Empty: $KUBECONFIG, else ~/.kube/config";
    public static final String SAVEPOINT_HINT = "Required: a directory every Flink pod can write, e.g."
            + " s3://bucket/savepoints (the pods cannot write this desktop's disk).";
    public static final String REST_HINT = "Optional: the JobManager's REST URL when an ingress or load balancer exposes"
            + " it. Empty: StreamDesk port-forwards to the <deployment>-rest service.";
    public static final String FLINK_VERSION_HINT = "The operator's spec.flinkVersion as text, e.g. v2_3 (newer values"
            + " than this app knows are passed on as they are).";

    private final ClusterDirectory directory;
    private final UiContext ctx;
    private final Runnable onChange;

    private final StringProperty kubeconfig = new SimpleStringProperty("");
    private final ObservableList<KubeconfigContext> contexts = FXCollections.observableArrayList();
    private final ObjectProperty<KubeconfigContext> context = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper contextsError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loadingContexts = new ReadOnlyBooleanWrapper(false);
    private final StringProperty namespace = new SimpleStringProperty("");
    private final StringProperty deploymentName = new SimpleStringProperty("");
    private final StringProperty image = new SimpleStringProperty(KubernetesSpecText.DEFAULT_IMAGE);
    private final StringProperty flinkVersion = new SimpleStringProperty(KubernetesSpecText.DEFAULT_FLINK_VERSION);
    private final StringProperty jmCpu = new SimpleStringProperty("1");
    private final StringProperty jmMemory = new SimpleStringProperty(KubernetesSpecText.DEFAULT_MEMORY);
    private final StringProperty tmCpu = new SimpleStringProperty("1");
    private final StringProperty tmMemory = new SimpleStringProperty(KubernetesSpecText.DEFAULT_MEMORY);
    private final StringProperty tmReplicas = new SimpleStringProperty("1");
    private final StringProperty taskSlots = new SimpleStringProperty(Integer.toString(KubernetesSpecText.DEFAULT_SLOTS));
    private final StringProperty flinkConfiguration = new SimpleStringProperty("");
    private final StringProperty hostAliases = new SimpleStringProperty("");
    private final StringProperty nameservers = new SimpleStringProperty("");
    private final StringProperty searches = new SimpleStringProperty("");
    private final StringProperty savepointDir = new SimpleStringProperty("");
    private final StringProperty restUrl = new SimpleStringProperty("");
    /** The namespace last filled in from a context: replaced when the context changes, unless the user typed one. */
    private String namespaceFromContext = "";
    /** The context name to select once the contexts are read (the edited cluster's). */
    private String wantedContext;
    private int contextsRequest;

    KubernetesEditorViewModel(ClusterDirectory directory, ClusterDefinition editing, UiContext ctx, Runnable onChange) {
        this.directory = directory;
        this.ctx = ctx;
        this.onChange = onChange;
        if (editing != null && editing.kubernetes() != null) {
            KubernetesSpec k = editing.kubernetes();
            kubeconfig.set(k.kubeconfig() == null ? "" : k.kubeconfig().toString());
            wantedContext = k.context();
            namespace.set(k.namespace());
            namespaceFromContext = "";
            deploymentName.set(k.deploymentName());
            image.set(k.image());
            flinkVersion.set(k.flinkVersion());
            jmCpu.set(number(k.jobManager().cpu()));
            jmMemory.set(k.jobManager().memory());
            tmCpu.set(number(k.taskManager().cpu()));
            tmMemory.set(k.taskManager().memory());
            tmReplicas.set(Integer.toString(k.taskManager().replicas()));
            taskSlots.set(Integer.toString(k.taskSlots()));
            flinkConfiguration.set(KubernetesSpecText.configurationLines(k.flinkConfiguration()));
            hostAliases.set(KubernetesSpecText.hostAliasLines(k.hostAliases()));
            nameservers.set(String.join(", ", k.dns().nameservers()));
            searches.set(String.join(", ", k.dns().searches()));
            savepointDir.set(editing.savepointDirectory() == null ? "" : editing.savepointDirectory());
            restUrl.set(editing.endpoint() == null ? "" : editing.endpoint().restUrl());
        }
        for (Observable o : List.of(namespace, deploymentName, image, flinkVersion, jmCpu, jmMemory, tmCpu, tmMemory,
                tmReplicas, taskSlots, flinkConfiguration, hostAliases, nameservers, searches, savepointDir, restUrl,
                context, kubeconfig)) {
            o.addListener(x -> onChange.run());
        }
        context.addListener((o, before, now) -> {
            String fromContext = now == null || now.namespace() == null ? "default" : now.namespace();
            String typed = namespace.get() == null ? "" : namespace.get().strip();
            if (typed.isEmpty() || typed.equals(namespaceFromContext)) {
                namespace.set(fromContext);
            }
            namespaceFromContext = fromContext;
        });
    }

    // ---- properties ----

    public StringProperty kubeconfigProperty() {
        return kubeconfig;
    }

    /** The contexts of the kubeconfig file, in file order (filled off the FX thread by {@link #loadContexts()}). */
    public ObservableList<KubeconfigContext> contexts() {
        return contexts;
    }

    /** The chosen context; null uses the kubeconfig's current context. */
    public ObjectProperty<KubeconfigContext> contextProperty() {
        return context;
    }

    /** Why the contexts could not be read (the file, the line), shown under the field; empty when they were. */
    public ReadOnlyStringProperty contextsErrorProperty() {
        return contextsError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingContextsProperty() {
        return loadingContexts.getReadOnlyProperty();
    }

    public StringProperty namespaceProperty() {
        return namespace;
    }

    public StringProperty deploymentNameProperty() {
        return deploymentName;
    }

    public StringProperty imageProperty() {
        return image;
    }

    public StringProperty flinkVersionProperty() {
        return flinkVersion;
    }

    public StringProperty jmCpuProperty() {
        return jmCpu;
    }

    public StringProperty jmMemoryProperty() {
        return jmMemory;
    }

    public StringProperty tmCpuProperty() {
        return tmCpu;
    }

    public StringProperty tmMemoryProperty() {
        return tmMemory;
    }

    public StringProperty tmReplicasProperty() {
        return tmReplicas;
    }

    public StringProperty taskSlotsProperty() {
        return taskSlots;
    }

    /** {@code key: value} lines. */
    public StringProperty flinkConfigurationProperty() {
        return flinkConfiguration;
    }

    /** {@code ip host1 host2} lines. */
    public StringProperty hostAliasesProperty() {
        return hostAliases;
    }

    public StringProperty nameserversProperty() {
        return nameservers;
    }

    public StringProperty searchesProperty() {
        return searches;
    }

    public StringProperty savepointDirProperty() {
        return savepointDir;
    }

    public StringProperty restUrlProperty() {
        return restUrl;
    }

    /** "dev — https://10.0.0.1:6443 (namespace analytics)" for the context list. */
    public static String describe(KubeconfigContext c) {
        if (c == null) {
            return "";
        }
        return c.name() + (c.server() == null ? "" : " \u2014 " + c.server())
                + (c.namespace() == null ? "" : " (namespace " + c.namespace() + ")");
    }

    // ---- commands ----

    /**
     * Reads the contexts of the kubeconfig file off the FX thread and selects the edited cluster's context, else the
     * file's current one; a file that cannot be read shows its error and leaves the list empty. Only the newest
     * request's answer is kept (the field may change while one is read).
     */
    public void loadContexts() {
        Path file;
        try {
            file = kubeconfigPath();
        } catch (InputRejectedException e) {
            contexts.clear();
            contextsError.set(e.getMessage());
            return;
        }
        int request = ++contextsRequest;
        BackgroundTask.wrap(() -> new Read(directory.contexts(file), directory.currentContext(file)))
                .onRunning(() -> loadingContexts.set(true))
                .onSuccess(read -> {
                    if (request != contextsRequest) {
                        return;
                    }
                    contextsError.set(read.contexts().isEmpty() ? "Kubeconfig: " + (file == null ? "the default file"
                            : file.toString()) + " has no contexts." : "");
                    String keep = context.get() != null ? context.get().name() : wantedContext;
                    contexts.setAll(read.contexts());
                    String pick = keep != null ? keep : read.current().orElse(null);
                    context.set(read.contexts().stream().filter(c -> c.name().equals(pick)).findFirst()
                            .orElse(read.contexts().isEmpty() ? null : read.contexts().get(0)));
                })
                .onFailure(e -> {
                    if (request == contextsRequest) {
                        contexts.clear();
                        context.set(null);
                        contextsError.set(e.getMessage() == null ? e.toString() : e.getMessage());
                    }
                })
                .onFinished(() -> {
                    if (request == contextsRequest) {
                        loadingContexts.set(false);
                    }
                    onChange.run();
                })
                .executeWith(ctx);
    }

    private record Read(List<KubeconfigContext> contexts, Optional<String> current) {
    }

    // ---- validation and the spec ----

    /** The first thing wrong, naming its field; null when the Kubernetes part is valid. */
    String problem() {
        if (!contextsError.get().isEmpty()) { // the form's first fields: the kubeconfig file and its context
            String e = contextsError.get();
            return e.startsWith("Kubeconfig") ? e : "Context: " + e;
        }
        try {
            KubernetesSpec spec = spec();
            List<String> problems = spec.problems();
            if (!problems.isEmpty()) {
                return problems.get(0);
            }
        } catch (InputRejectedException e) {
            return e.getMessage();
        }
        String sp = savepointDir.get() == null ? "" : savepointDir.get().strip();
        if (sp.isEmpty()) {
            return "Savepoint directory: required for a Kubernetes cluster, e.g. s3://bucket/savepoints (the pods"
                    + " cannot write this desktop's disk).";
        }
        String spProblem = ClusterEditorViewModel.savepointProblem(sp);
        if (spProblem != null) {
            return "Savepoint directory: " + spProblem;
        }
        String url = restUrl.get() == null ? "" : restUrl.get().strip();
        if (!url.isEmpty()) {
            String urlProblem = RemoteEndpoint.problemWithUrl(url);
            if (urlProblem != null) {
                return "REST URL override: " + urlProblem;
            }
        }
        return null;
    }

    /** The spec the fields describe; an {@link InputRejectedException} names the field (and line) that is wrong. */
    public KubernetesSpec spec() {
        KubernetesSpec.Resources jm = new KubernetesSpec.Resources(KubernetesSpecText.cpu("JobManager CPU", jmCpu.get()),
                jmMemory.get(), 1);
        KubernetesSpec.Resources tm = new KubernetesSpec.Resources(KubernetesSpecText.cpu("TaskManager CPU", tmCpu.get()),
                tmMemory.get(), KubernetesSpecText.count("TaskManager replicas", tmReplicas.get(), 0,
                KubernetesSpec.MAX_REPLICAS));
        int slots = KubernetesSpecText.count("Task slots", taskSlots.get(), 1, KubernetesSpec.MAX_TASK_SLOTS);
        return new KubernetesSpec(kubeconfigPath(), context.get() == null ? null : context.get().name(),
                namespace.get(), deploymentName.get(), image.get(), flinkVersion.get(), null, jm, tm, slots,
                KubernetesSpecText.flinkConfiguration(flinkConfiguration.get()),
                KubernetesSpecText.hostAliases(hostAliases.get()),
                new KubernetesSpec.DnsSettings(KubernetesSpecText.nameservers(nameservers.get()),
                        KubernetesSpecText.searches(searches.get())));
    }

    /** The REST URL override, or null for a port-forward. */
    public RemoteEndpoint restOverride() {
        String url = restUrl.get() == null ? "" : restUrl.get().strip();
        return url.isEmpty() ? null : RemoteEndpoint.of(url);
    }

    public String savepointDirectory() {
        return savepointDir.get() == null ? null : savepointDir.get().strip();
    }

    private Path kubeconfigPath() {
        String text = kubeconfig.get() == null ? "" : kubeconfig.get().strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > ClusterEditorViewModel.MAX_PATH_LENGTH) {
            throw new InputRejectedException("Kubeconfig: at most " + ClusterEditorViewModel.MAX_PATH_LENGTH
                    + " characters.");
        }
        try {
            Path p = Path.of(text.startsWith("~/") ? System.getProperty("user.home") + text.substring(1) : text);
            if (!p.isAbsolute()) {
                throw new InputRejectedException("Kubeconfig: give the whole path (choose the file with Browse\u2026).");
            }
            return p;
        } catch (InvalidPathException e) {
            throw new InputRejectedException("Kubeconfig: not a valid path: " + e.getReason() + ".");
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
