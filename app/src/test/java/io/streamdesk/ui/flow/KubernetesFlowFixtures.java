package io.streamdesk.ui.flow;

/** Files the Kubernetes UI tests write. */
public final class KubernetesFlowFixtures {
    private KubernetesFlowFixtures() {
    }

    /** Two contexts as kubectl writes them; the current one names no namespace. */
    public static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: prod-eu
              cluster:
                server: https://10.20.0.1:6443
            - name: dev
              cluster:
                server: https://127.0.0.1:6443
            contexts:
            - name: dev
              context:
                cluster: dev
                user: me
            - name: prod-eu
              context:
                cluster: prod-eu
                namespace: analytics
                user: me
            current-context: dev
            users:
            - name: me
              user:
                token: not-a-real-token
            """;

}
