package io.streamdesk.k8s;

import io.streamdesk.service.port.KubeconfigContexts;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link KubeconfigContexts} from a kubeconfig file (R3): the file is read as YAML (no network, no credential is
 * looked at or kept), its contexts listed in file order with their cluster's server URL and namespace. A file that
 * is not YAML is refused with the line and column of the problem; one that is YAML but not a kubeconfig says which
 * part is missing. Files are bounded ({@link #MAX_BYTES}); YAML aliases are bounded by the parser's defaults.
 */
public final class KubeconfigFileContexts implements KubeconfigContexts {
    public static final long MAX_BYTES = 4L * 1024 * 1024;
    public static final int MAX_CONTEXTS = 1_000;

    @Override
    public List<Context> contexts(Path kubeconfig) {
        Path file = resolve(kubeconfig);
        Map<?, ?> root = read(file);
        Map<String, String> servers = new HashMap<>();
        for (Object c : list(root, "clusters", file)) {
            if (c instanceof Map<?, ?> named && named.get("cluster") instanceof Map<?, ?> cluster) {
                servers.put(String.valueOf(named.get("name")), text(cluster.get("server")));
            }
        }
        List<Context> out = new ArrayList<>();
        for (Object c : list(root, "contexts", file)) {
            if (!(c instanceof Map<?, ?> named) || named.get("name") == null) {
                throw new IllegalArgumentException("Kubeconfig " + file + ": context number " + (out.size() + 1)
                        + " has no name.");
            }
            Map<?, ?> context = named.get("context") instanceof Map<?, ?> m ? m : Map.of();
            String cluster = text(context.get("cluster"));
            out.add(new Context(String.valueOf(named.get("name")), cluster == null ? null : servers.get(cluster),
                    text(context.get("namespace"))));
            if (out.size() > MAX_CONTEXTS) {
                throw new IllegalArgumentException("Kubeconfig " + file + ": more than " + MAX_CONTEXTS + " contexts.");
            }
        }
        return out;
    }

    @Override
    public Optional<String> currentContext(Path kubeconfig) {
        Path file = resolve(kubeconfig);
        String current = text(read(file).get("current-context"));
        return current == null || current.isBlank() ? Optional.empty() : Optional.of(current);
    }

    /** Refuses a context the file does not have, listing the ones it has. */
    void requireContext(Path file, String context) {
        List<Context> contexts = contexts(file);
        if (contexts.stream().noneMatch(c -> c.name().equals(context))) {
            throw new IllegalArgumentException("Kubeconfig " + file + " has no context '" + context + "'; it has: "
                    + (contexts.isEmpty() ? "none" : String.join(", ", contexts.stream().limit(20).map(Context::name)
                    .toList())) + ".");
        }
    }

    /** {@code $KUBECONFIG}'s first existing file (it may list several, separated by ':'), else ~/.kube/config. */
    static Path defaultFile() {
        String env = System.getenv("KUBECONFIG");
        if (env != null && !env.isBlank()) {
            for (String part : env.split(File.pathSeparator)) {
                if (!part.isBlank() && Files.isRegularFile(Path.of(part))) {
                    return Path.of(part);
                }
            }
        }
        return Path.of(System.getProperty("user.home"), ".kube", "config");
    }

    private static Path resolve(Path kubeconfig) {
        return kubeconfig != null ? kubeconfig : defaultFile();
    }

    private static Map<?, ?> read(Path file) {
        String text;
        try {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("Kubeconfig: " + file + (Files.exists(file) ? " is not a file."
                        : " does not exist."));
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException("Kubeconfig: " + file + " is larger than 4 MiB; that is not a "
                        + "kubeconfig file.");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("Kubeconfig: " + file + " cannot be read: " + e.getMessage(), e);
        }
        Object doc;
        try {
            doc = new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadFromString(text);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            String where = mark.map(m -> " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1)).orElse("");
            throw new IllegalArgumentException("Kubeconfig " + file + " is not valid YAML" + where + ": "
                    + (e.getProblem() == null ? e.getContext() : e.getProblem()) + ".", e);
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException("Kubeconfig " + file + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(doc instanceof Map<?, ?> root)) {
            throw new IllegalArgumentException("Kubeconfig " + file + " is not a kubeconfig file: it is "
                    + (doc == null ? "empty" : "not a YAML mapping") + ".");
        }
        return root;
    }

    private static List<?> list(Map<?, ?> root, String field, Path file) {
        Object value = root.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> l)) {
            throw new IllegalArgumentException("Kubeconfig " + file + ": '" + field + "' is not a list.");
        }
        return l;
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }
}
