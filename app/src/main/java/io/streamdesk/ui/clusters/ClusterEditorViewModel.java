package io.streamdesk.ui.clusters;

import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.ClusterKind;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The add/edit dialog of a remote session cluster (R2): name, REST URL, basic auth, TLS files and the savepoint
 * directory. Each change is checked at once; {@link #problemProperty()} names the first field that is wrong and
 * {@link #validProperty()} enables the Add/Save button. The service checks again (files, the connection) and has the
 * last word; its refusal shows in {@link #serviceErrorProperty()}. On edit an empty password keeps the stored one.
 */
public final class ClusterEditorViewModel {
    public static final int MAX_USER_LENGTH = 200;
    public static final int MAX_PASSWORD_LENGTH = 1_000;
    public static final int MAX_PATH_LENGTH = 4_000;
    public static final String URL_HINT = "The JobManager's REST address, e.g. http://flink-jobmanager:8081 or"
            + " https://proxy.example.com/flink (a path prefix behind a reverse proxy is kept).";
    public static final String SAVEPOINT_HINT = "A directory the cluster can write, as a URI: file:///shared/savepoints,"
            + " s3://bucket/savepoints, hdfs://namenode/savepoints. Without one, savepoints are refused on this cluster.";

    private final ClusterDirectory directory;
    private final UiContext ctx;
    private final ClusterDefinition editing;
    private final Set<String> takenNames;

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty restUrl = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty caFile = new SimpleStringProperty("");
    private final StringProperty clientCert = new SimpleStringProperty("");
    private final StringProperty clientKey = new SimpleStringProperty("");
    private final StringProperty savepointDir = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper serviceError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    /** Remote session or Kubernetes; fixed by the definition when editing. */
    private final javafx.beans.property.ObjectProperty<ClusterKind> kind =
            new javafx.beans.property.SimpleObjectProperty<>(ClusterKind.REMOTE_SESSION);
    private final KubernetesEditorViewModel kubernetes;

    /**
     * @param editing    the cluster to edit, or null to add one
     * @param otherNames the names of the other clusters (a name must be unique)
     */
    public ClusterEditorViewModel(ClusterDirectory directory, ClusterDefinition editing, List<String> otherNames,
                                  UiContext ctx) {
        this.directory = directory;
        this.ctx = ctx;
        this.editing = editing;
        this.takenNames = otherNames.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.kubernetes = new KubernetesEditorViewModel(directory, editing, ctx, () -> {
            serviceError.set("");
            check();
        });
        if (editing != null) {
            kind.set(editing.kind());
        }
        kind.addListener(x -> {
            serviceError.set("");
            check();
        });
        if (editing != null) {
            name.set(editing.name());
            RemoteEndpoint e = editing.endpoint();
            if (e != null) {
                restUrl.set(e.restUrl());
                user.set(e.username() == null ? "" : e.username());
                caFile.set(text(e.caFile()));
                clientCert.set(text(e.clientCertFile()));
                clientKey.set(text(e.clientKeyFile()));
            }
            savepointDir.set(editing.savepointDirectory() == null ? "" : editing.savepointDirectory());
        }
        for (Observable o : List.of(name, restUrl, user, password, caFile, clientCert, clientKey, savepointDir)) {
            o.addListener(x -> {
                serviceError.set("");
                check();
            });
        }
        check();
    }

    // ---- properties ----

    public boolean adding() {
        return editing == null;
    }

    /** The kind the dialog adds or edits; only {@link ClusterKind#REMOTE_SESSION} and KUBERNETES are offered. */
    public javafx.beans.property.ObjectProperty<ClusterKind> kindProperty() {
        return kind;
    }

    /** Whether the kind can be chosen (adding); an edited cluster keeps its kind. */
    public boolean kindChoosable() {
        return editing == null;
    }

    /** The Kubernetes fields (R3). */
    public KubernetesEditorViewModel kubernetes() {
        return kubernetes;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty restUrlProperty() {
        return restUrl;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty caFileProperty() {
        return caFile;
    }

    public StringProperty clientCertProperty() {
        return clientCert;
    }

    public StringProperty clientKeyProperty() {
        return clientKey;
    }

    public StringProperty savepointDirProperty() {
        return savepointDir;
    }

    /** The first thing wrong, naming its field ("REST URL: …"); empty when the form is valid. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** A warning that does not block (the password over plain http). */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** What the service refused or why connecting failed. */
    public ReadOnlyStringProperty serviceErrorProperty() {
        return serviceError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Saving (validating, storing the password, connecting) is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The password field's prompt. */
    public String passwordPrompt() {
        return editing != null && editing.endpoint() != null && editing.endpoint().passwordSecretId() != null
                ? "leave empty to keep" : "";
    }

    // ---- validation ----

    /** Recomputes {@link #problemProperty()} and {@link #validProperty()}; called on every change. */
    void check() {
        String p = firstProblem();
        problem.set(p == null ? "" : p);
        valid.set(p == null);
        String n = "";
        if (kind.get() == ClusterKind.KUBERNETES) {
            n = p == null && kubernetes.restOverride() == null ? "StreamDesk reaches the JobManager through a"
                    + " port-forward to the " + kubernetes.deploymentNameProperty().get().strip() + "-rest service." : "";
        } else if (p == null && !blank(user.get()) && restUrl.get().strip().toLowerCase(Locale.ROOT).startsWith("http://")) {
            n = "The password goes over plain http: use https where the network is not trusted.";
        } else if (p == null && blank(savepointDir.get())) {
            n = "No savepoint directory: jobs can run, but savepoints and stop with savepoint are refused on this"
                    + " cluster until one is set.";
        }
        note.set(n);
    }

    private String firstProblem() {
        String n = name.get() == null ? "" : name.get().strip();
        if (n.isEmpty()) {
            return "Name: a cluster needs a name.";
        }
        if (n.length() > ClusterDefinition.MAX_NAME_LENGTH) {
            return "Name: at most " + ClusterDefinition.MAX_NAME_LENGTH + " characters (it has " + n.length() + ").";
        }
        if (n.chars().anyMatch(Character::isISOControl)) {
            return "Name: no line breaks or control characters.";
        }
        if (takenNames.contains(n.toLowerCase(Locale.ROOT))) {
            return "Name: a cluster named \u201c" + n + "\u201d already exists.";
        }
        if (kind.get() == ClusterKind.KUBERNETES) {
            return kubernetes == null ? null : kubernetes.problem();
        }
        String urlProblem = RemoteEndpoint.problemWithUrl(restUrl.get());
        if (urlProblem != null) {
            // the model's sentences name the field already ("The REST URL has no host…")
            return urlProblem.startsWith("The REST URL") ? urlProblem : "REST URL: " + urlProblem;
        }
        String u = user.get() == null ? "" : user.get();
        if (u.length() > MAX_USER_LENGTH) {
            return "User: at most " + MAX_USER_LENGTH + " characters.";
        }
        if (u.contains(":") || u.chars().anyMatch(Character::isISOControl)) {
            return "User: basic auth allows no ':' or control characters in the user name.";
        }
        String pw = password.get() == null ? "" : password.get();
        if (pw.length() > MAX_PASSWORD_LENGTH) {
            return "Password: at most " + MAX_PASSWORD_LENGTH + " characters.";
        }
        if (blank(u) && !pw.isEmpty()) {
            return "User: a password needs its user.";
        }
        if (!blank(u) && pw.isEmpty() && !keepsStoredPassword()) {
            return "Password: basic auth as \u201c" + u.strip() + "\u201d needs the password.";
        }
        for (String[] f : new String[][] {{"CA file", caFile.get()}, {"Client certificate", clientCert.get()},
                {"Client key", clientKey.get()}}) {
            String pathProblem = pathProblem(f[1]);
            if (pathProblem != null) {
                return f[0] + ": " + pathProblem;
            }
        }
        if (blank(clientCert.get()) != blank(clientKey.get())) {
            return blank(clientKey.get()) ? "Client key: a client certificate needs its key (PEM, PKCS#8)."
                    : "Client certificate: a client key needs its certificate (PEM).";
        }
        boolean https = restUrl.get().strip().toLowerCase(Locale.ROOT).startsWith("https://");
        if (!https && (!blank(caFile.get()) || !blank(clientCert.get()))) {
            return "REST URL: a CA file or client certificate needs an https:// URL.";
        }
        String sp = savepointDir.get() == null ? "" : savepointDir.get().strip();
        if (!sp.isEmpty()) {
            String spProblem = savepointProblem(sp);
            if (spProblem != null) {
                return "Savepoint directory: " + spProblem;
            }
        }
        return null;
    }

    private boolean keepsStoredPassword() {
        return editing != null && editing.endpoint() != null && editing.endpoint().passwordSecretId() != null
                && editing.endpoint().username() != null;
    }

    static String savepointProblem(String dir) {
        if (dir.length() > RemoteEndpoint.MAX_URL_LENGTH) {
            return "at most " + RemoteEndpoint.MAX_URL_LENGTH + " characters.";
        }
        URI uri;
        try {
            uri = new URI(dir);
        } catch (URISyntaxException e) {
            return "not a valid URI at character " + (e.getIndex() + 1) + ": " + e.getReason() + ".";
        }
        if (uri.getScheme() == null || uri.getScheme().length() < 2) {
            return "a URI with a scheme the cluster understands, e.g. file:///shared/savepoints or"
                    + " s3://bucket/savepoints.";
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "no query (?...) or fragment (#...).";
        }
        if ("file".equalsIgnoreCase(uri.getScheme()) && (uri.getPath() == null || !uri.getPath().startsWith("/"))) {
            return "a file: URI needs an absolute path, e.g. file:///shared/savepoints.";
        }
        return null;
    }

    private static String pathProblem(String text) {
        if (blank(text)) {
            return null;
        }
        if (text.length() > MAX_PATH_LENGTH) {
            return "at most " + MAX_PATH_LENGTH + " characters.";
        }
        try {
            Path p = Path.of(text.strip());
            if (!p.isAbsolute()) {
                return "give the whole path (choose the file with Browse\u2026).";
            }
        } catch (InvalidPathException e) {
            return "not a valid path: " + e.getReason() + ".";
        }
        return null;
    }

    // ---- saving ----

    /** The endpoint the form describes (the password is not part of it: the service keeps it in the secret store). */
    public RemoteEndpoint endpoint() {
        String secretId = editing != null && editing.endpoint() != null ? editing.endpoint().passwordSecretId() : null;
        return new RemoteEndpoint(restUrl.get().strip(), blank(user.get()) ? null : user.get().strip(),
                blank(user.get()) ? null : secretId, path(caFile.get()), path(clientCert.get()), path(clientKey.get()));
    }

    /** Adds or updates the cluster off the FX thread; {@code onSaved} gets the stored definition on the UI thread. */
    public void save(Consumer<ClusterDefinition> onSaved) {
        check();
        if (!valid.get() || busy.get()) {
            return;
        }
        String n = name.get().strip();
        if (kind.get() == ClusterKind.KUBERNETES) {
            io.streamdesk.model.cluster.KubernetesSpec spec = kubernetes.spec();
            RemoteEndpoint override = kubernetes.restOverride();
            String dir = kubernetes.savepointDirectory();
            run(n, () -> editing == null ? directory.addKubernetes(n, spec, override, dir)
                    : directory.updateKubernetes(editing.id(), n, spec, override, dir), onSaved);
            return;
        }
        RemoteEndpoint endpoint = endpoint();
        String pw = password.get() == null || password.get().isEmpty() ? null : password.get();
        String sp = blank(savepointDir.get()) ? null : savepointDir.get().strip();
        run(n, () -> editing == null ? directory.addRemote(n, endpoint, pw, sp)
                : directory.updateRemote(editing.id(), n, endpoint, pw, sp), onSaved);
    }

    private void run(String n, java.util.concurrent.Callable<ClusterDefinition> work, Consumer<ClusterDefinition> onSaved) {
        BackgroundTask.wrap(work)
                .titled((editing == null ? "Adding cluster " : "Saving cluster ") + n)
                .onRunning(() -> {
                    busy.set(true);
                    serviceError.set("");
                })
                .onSuccess(d -> {
                    password.set("");
                    onSaved.accept(d);
                })
                .onFailure(e -> serviceError.set(ClustersViewModel.describe(
                        editing == null ? "Could not add the cluster" : "Could not save the cluster", e)))
                .onFinished(() -> busy.set(false))
                .executeWith(ctx);
    }

    private static Path path(String text) {
        return blank(text) ? null : Path.of(text.strip());
    }

    private static String text(Path p) {
        return p == null ? "" : p.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
