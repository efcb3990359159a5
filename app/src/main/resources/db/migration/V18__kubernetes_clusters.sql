-- Issue 13: a Kubernetes cluster (kind KUBERNETES, allowed since V12) is a session-mode FlinkDeployment of the Flink
-- Kubernetes Operator. What the user chose for it (kubeconfig file and context, namespace, deployment name, image,
-- Flink version, JobManager/TaskManager resources and replicas, task slots, Flink configuration, pod template host
-- aliases and DNS settings; the model's KubernetesSpec) is kept as one JSON document: it is read and written whole,
-- never queried by field, and its lists (configuration, host aliases) would otherwise need three child tables.
-- The document carries its own format version ("format": 1). No secret is in it: credentials stay in the kubeconfig
-- file, which is only referenced by its path.
-- rest_url (V1) is, for this kind, an optional REST URL override; null means the app port-forwards to <name>-rest.
ALTER TABLE cluster ADD COLUMN kubernetes_spec VARCHAR(1000000);
ALTER TABLE cluster ADD CONSTRAINT ck_cluster_kubernetes_spec
    CHECK ((kind = 'KUBERNETES') = (kubernetes_spec IS NOT NULL));
