package io.streamdesk.cli;

import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.clusters.ClusterDefinitionRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "remote", description = "Adds a remote Flink session cluster reached by its REST URL and prints its ID. "
        + "The password (read from standard input) goes to the secret store, never to the database.")
final class ClusterAddRemoteCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Unique name, at most 100 characters")
    String name;

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "REST URL, http(s)://host:port[/prefix], e.g. https://proxy.example.com/flink")
    String url;

    @Option(names = "--user", paramLabel = "USER", description = "Basic auth user")
    String user;

    @Option(names = "--password-stdin", description = "Read the basic auth password from the first line of standard input")
    boolean passwordStdin;

    @Option(names = "--ca-file", paramLabel = "FILE", description = "PEM CA to trust instead of the system trust store")
    Path caFile;

    @Option(names = "--client-cert", paramLabel = "FILE", description = "PEM client certificate (mutual TLS)")
    Path clientCert;

    @Option(names = "--client-key", paramLabel = "FILE", description = "PKCS#8 PEM key of the client certificate")
    Path clientKey;

    @Option(names = "--savepoint-dir", paramLabel = "URI",
            description = "Where the cluster writes savepoints, e.g. s3://bucket/savepoints or file:///shared/sp")
    String savepointDir;

    ClusterAddRemoteCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (passwordStdin && (user == null || user.isBlank())) {
            throw new InputRejectedException("--password-stdin needs --user.");
        }
        if ((clientCert == null) != (clientKey == null)) {
            throw new InputRejectedException(clientCert == null ? "--client-key needs --client-cert."
                    : "--client-cert needs --client-key.");
        }
        String password = passwordStdin ? readPassword() : null;
        ClusterDefinition added = context.services().clusters().addRemote(name,
                new RemoteEndpoint(url, user, null, caFile, clientCert, clientKey), password, savepointDir);
        context.out().println(added.id());
        return 0;
    }

    private String readPassword() {
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8));
            char[] buffer = new char[ClusterDefinitionRules.MAX_PASSWORD_LENGTH + 2];
            int n = 0;
            int c;
            while (n < buffer.length && (c = in.read()) != -1 && c != '\n') {
                buffer[n++] = (char) c;
            }
            if (n > 0 && buffer[n - 1] == '\r') {
                n--;
            }
            if (n > ClusterDefinitionRules.MAX_PASSWORD_LENGTH) {
                throw new InputRejectedException("Password (standard input): at most "
                        + ClusterDefinitionRules.MAX_PASSWORD_LENGTH + " characters.");
            }
            if (n == 0) {
                throw new InputRejectedException("--password-stdin: standard input gave no password (an empty first line).");
            }
            String password = new String(buffer, 0, n);
            java.util.Arrays.fill(buffer, '\0');
            return password;
        } catch (IOException e) {
            throw new InputRejectedException("--password-stdin: reading standard input failed: " + e.getMessage());
        }
    }
}
