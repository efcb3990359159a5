package io.streamdesk.testing;

import io.streamdesk.service.port.KubeconfigContexts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the contexts of the small kubeconfig files UI tests write (block-style YAML as kubectl writes it: {@code
 * clusters}, {@code contexts} with {@code name}, {@code context.cluster}, {@code context.namespace}, and
 * {@code current-context}); a missing file fails as the real one does, naming it. The product's reader is the
 * Kubernetes adapter's (fabric8's kubeconfig parser); this one keeps the pane's tests free of it.
 */
public final class TestKubeconfigContexts implements KubeconfigContexts {

    @Override
    public List<Context> contexts(Path kubeconfig) {
        List<String> lines = read(kubeconfig);
        Map<String, String> servers = new HashMap<>();
        List<String[]> contexts = new ArrayList<>();
        String section = "";
        String[] current = null;
        String clusterName = null;
        for (String raw : lines) {
            String line = raw.stripTrailing();
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            if (!line.startsWith(" ") && !line.startsWith("-")) {
                section = line.split(":", 2)[0].strip();
                continue;
            }
            String t = line.strip();
            boolean item = t.startsWith("- ");
            if (item) {
                t = t.substring(2).strip();
            }
            String key = t.contains(":") ? t.substring(0, t.indexOf(':')).strip() : t;
            String value = t.contains(":") ? t.substring(t.indexOf(':') + 1).strip() : "";
            if (section.equals("contexts")) {
                if (item) {
                    current = new String[3];
                    contexts.add(current);
                }
                if (current != null && key.equals("name")) {
                    current[0] = value;
                } else if (current != null && key.equals("cluster")) {
                    current[1] = value;
                } else if (current != null && key.equals("namespace")) {
                    current[2] = value;
                }
            } else if (section.equals("clusters")) {
                if (key.equals("name")) {
                    clusterName = value;
                } else if (key.equals("server") && clusterName != null) {
                    servers.put(clusterName, value);
                }
            }
        }
        return contexts.stream().map(c -> new Context(c[0], servers.get(c[1]), c[2])).toList();
    }

    @Override
    public Optional<String> currentContext(Path kubeconfig) {
        return read(kubeconfig).stream().filter(l -> l.startsWith("current-context:"))
                .map(l -> l.substring("current-context:".length()).strip()).filter(s -> !s.isEmpty()).findFirst();
    }

    private static List<String> read(Path kubeconfig) {
        Path file = kubeconfig != null ? kubeconfig : Path.of(System.getProperty("user.home"), ".kube", "config");
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("Kubeconfig " + file + " cannot be read: "
                    + (Files.exists(file) ? e.getMessage() : "it does not exist."));
        }
    }
}
