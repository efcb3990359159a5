package io.streamdesk.service.clusters;

import io.streamdesk.model.cluster.KubeconfigContext;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.port.KubeconfigContexts;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The contexts of the user's kubeconfig for the "add Kubernetes cluster" form and the CLI (R3), over the Kubernetes
 * adapter's reader. Reads the file only (no network); call it off the FX thread. A file that cannot be read is an
 * {@link InputRejectedException} naming it (and, for a YAML error, the line and column, as the reader says).
 */
public final class KubeconfigService {
    private final KubeconfigContexts reader;

    public KubeconfigService(KubeconfigContexts reader) {
        this.reader = reader;
    }

    /** For a build without the Kubernetes adapter: every read refuses with a clear message. */
    public static KubeconfigService unavailable() {
        return new KubeconfigService(null);
    }

    /** The contexts of {@code kubeconfig} (null: $KUBECONFIG, else ~/.kube/config), in file order. */
    public List<KubeconfigContext> contexts(Path kubeconfig) {
        try {
            return reader().contexts(kubeconfig).stream()
                    .map(c -> new KubeconfigContext(c.name(), c.server(), c.namespace())).toList();
        } catch (IllegalArgumentException e) {
            throw new InputRejectedException(e.getMessage());
        }
    }

    /** The kubeconfig's current context, if it names one. */
    public Optional<String> currentContext(Path kubeconfig) {
        try {
            return reader().currentContext(kubeconfig);
        } catch (IllegalArgumentException e) {
            throw new InputRejectedException(e.getMessage());
        }
    }

    private KubeconfigContexts reader() {
        if (reader == null) {
            throw new InputRejectedException("This StreamDesk build cannot read kubeconfig files.");
        }
        return reader;
    }
}
