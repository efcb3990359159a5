package io.streamdesk.cli;

import io.streamdesk.service.Services;
import io.streamdesk.model.JobId;
import io.streamdesk.service.port.SqlChecker;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code streamdesk} command: the app's services, scriptable. Exit codes: 0 success, 1 the operation failed
 * or was refused (message and {@code Fix:} on stderr; {@code check-sql} found errors), 2 usage error.
 *
 * <p>The services are built only when a command needs them, from the factory given {@link #dataDir()} (the
 * {@code --data-dir} option, or null when absent), and closed when the command ends.
 */
@Command(name = "streamdesk", version = "streamdesk 0.1.0",
        description = "StreamDesk command line: Flink SQL jobs from scripts.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Success.", "1:The operation failed or was refused; check-sql found errors.", "2:Usage error."})
public final class StreamDeskCli implements Runnable {
    private final Function<String, Services> servicesFactory;
    private final Supplier<SqlChecker> checkerFactory;

    @Spec
    CommandSpec spec;

    // not mixinStandardHelpOptions: its --version would clash with "job run --version N" in the subcommands
    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help and exit.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and exit.")
    boolean version;

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data directory (default: $STREAMDESK_HOME or ~/.local/share/streamdesk)")
    String dataDir;

    /** @param services builds the services for the data directory given with {@code --data-dir} (null when absent) */
    public StreamDeskCli(Function<String, Services> services, Supplier<SqlChecker> checker) {
        this.servicesFactory = services;
        this.checkerFactory = checker;
    }

    /** Services independent of {@code --data-dir} (tests); {@code check-sql} uses the services' own check. */
    public StreamDeskCli(Supplier<Services> services) {
        this(dataDir -> services.get(), null);
    }

    private java.util.function.Supplier<java.io.InputStream> stdin = () -> System.in;

    /** Where {@code --password-stdin} reads from (tests); System.in by default. */
    public StreamDeskCli withStdin(java.util.function.Supplier<java.io.InputStream> input) {
        this.stdin = input;
        return this;
    }

    /** The {@code --data-dir} value of the last parsed command line, or null. */
    public String dataDir() {
        return dataDir;
    }

    /** Runs one command line with System.out and System.err. */
    public int execute(String... args) {
        return execute(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), args);
    }

    /** Runs one command line; returns the exit code. */
    public int execute(PrintWriter out, PrintWriter err, String... args) {
        dataDir = null;
        CliContext context = new CliContext(() -> servicesFactory.apply(dataDir), checkerFactory, out, err, stdin);
        int exitCode = commandLine(context, out, err).execute(args);
        try {
            context.close();
        } catch (RuntimeException e) {
            err.println("Error while closing the data directory: " + e.getMessage());
            exitCode = exitCode == 0 ? CliErrorHandler.FAILED : exitCode;
        }
        out.flush();
        err.flush();
        return exitCode;
    }

    private CommandLine commandLine(CliContext context, PrintWriter out, PrintWriter err) {
        CommandLine root = new CommandLine(this);
        root.addSubcommand(new CommandLine(new JobsCommand(context)));
        root.addSubcommand(new CommandLine(new CheckSqlCommand(context)));
        root.addSubcommand(new CommandLine(new JobCommand())
                .addSubcommand(new JobCreateCommand(context))
                .addSubcommand(new JobPublishCommand(context))
                .addSubcommand(new JobRunCommand(context))
                .addSubcommand(new JobStopCommand(context))
                .addSubcommand(new JobStatusCommand(context))
                .addSubcommand(new JobCopyCommand(context))
                .addSubcommand(new JobTagsCommand(context))
                .addSubcommand(new JobDepsCommand(context)));
        root.addSubcommand(new CommandLine(new DepCommand())
                .addSubcommand(new DepAddCommand(context))
                .addSubcommand(new DepListCommand(context))
                .addSubcommand(new DepVersionsCommand(context))
                .addSubcommand(new DepRemoveCommand(context)));
        root.addSubcommand(new CommandLine(new ClusterCommand())
                .addSubcommand(new ClusterListCommand(context))
                .addSubcommand(new ClusterStatusCommand(context))
                .addSubcommand(new CommandLine(new ClusterAddCommand())
                        .addSubcommand(new ClusterAddRemoteCommand(context))
                        .addSubcommand(new ClusterAddKubernetesCommand(context)))
                .addSubcommand(new ClusterScaleCommand(context))
                .addSubcommand(new ClusterDeploymentCommands.Suspend(context))
                .addSubcommand(new ClusterDeploymentCommands.Resume(context))
                .addSubcommand(new ClusterDeploymentCommands.Delete(context))
                .addSubcommand(new ClusterTestCommand(context))
                .addSubcommand(new ClusterRemoveCommand(context)));
        root.addSubcommand(new CommandLine(new VarCommand())
                .addSubcommand(new VarListCommand(context))
                .addSubcommand(new VarSetCommand(context))
                .addSubcommand(new VarRemoveCommand(context)));
        // these settings reach only the subcommands added so far: keep them after the subcommands
        root.registerConverter(JobId.class, new JobIdConverter());
        root.setOut(out);
        root.setErr(err);
        root.setExecutionExceptionHandler(new CliErrorHandler());
        return root;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: one of jobs, job, check-sql, cluster, dep, var (see --help).");
    }
}
