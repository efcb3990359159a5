package io.streamdesk.cli;

import io.streamdesk.service.ClusterDeployments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** {@code cluster suspend|resume|delete ID}: the deployment changes of a Kubernetes cluster without options. */
final class ClusterDeploymentCommands {
    private ClusterDeploymentCommands() {
    }

    /** Waits for a change; its refusal is thrown as itself (the CLI's error handler prints it with its fix). */
    static ClusterDeployments.Change await(CompletableFuture<ClusterDeployments.Change> change) {
        try {
            return change.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the cluster change", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new CompletionException(cause);
        }
    }

    @Command(name = "suspend", description = "Suspends a Kubernetes cluster: its running jobs are stopped with a"
            + " savepoint first (refused when one cannot be), then the operator removes its pods.")
    static final class Suspend implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "ID", description = "Cluster ID (see cluster list)")
        String clusterId;

        Suspend(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            context.out().println(await(context.services().clusterDeployments().suspend(clusterId)).text());
            return 0;
        }
    }

    @Command(name = "resume", description = "Resumes a suspended Kubernetes cluster (run its jobs again from their"
            + " savepoints).")
    static final class Resume implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "ID", description = "Cluster ID (see cluster list)")
        String clusterId;

        Resume(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            context.out().println(await(context.services().clusterDeployments().resume(clusterId)).text());
            return 0;
        }
    }

    @Command(name = "delete", description = "Deletes a Kubernetes cluster's FlinkDeployment and removes the cluster: its"
            + " running jobs are stopped with a savepoint first; jobs placed on it stay.")
    static final class Delete implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "ID", description = "Cluster ID (see cluster list)")
        String clusterId;

        Delete(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            context.out().println(await(context.services().clusterDeployments().delete(clusterId)).text());
            return 0;
        }
    }
}
