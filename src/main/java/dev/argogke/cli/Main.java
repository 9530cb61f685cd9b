package dev.argogke.cli;

import dev.argogke.ProjectRoot;
import dev.argogke.UserError;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code argo-gke}: the command line. Commands are thin: they parse flags, call the feature
 * packages and print. A {@link UserError} anywhere becomes one line on stderr and exit code 2.
 */
@Command(name = "argo-gke",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Argo Workflows on an autoscaling GKE cluster: plan, lint, operate.",
        subcommands = {
                CommandLine.HelpCommand.class,
                PlanCommand.class,
                LintCommand.class,
                CheckCommand.class,
                ImportCronJobsCommand.class,
                DiffCommand.class,
                CostCommand.class,
                StatusCommand.class,
                RunCommand.class,
                BackfillCommand.class,
        })
public final class Main {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FINDINGS = 1;
    public static final int EXIT_USAGE = 2;
    private static final java.util.regex.Pattern COMPILER_STYLE = java.util.regex.Pattern.compile("\\S+:[0-9]+:[0-9]+: error: ");

    private final Path root;
    private final Clock clock;

    /**
     * @param root  the project folder: stacks/ and the stacks' workflows folders are read from it
     * @param clock the time the day-2 commands (status, run, backfill) count from
     */
    public Main(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(new Main(ProjectRoot.ofEntryPoint(), Clock.systemUTC()).commandLine().execute(args));
    }

    /** The project folder this run works on. */
    Path root() {
        return root;
    }

    /** The time this run counts from. */
    Clock clock() {
        return clock;
    }

    /**
     * The command line, ready to {@code execute}: output goes to {@link CommandLine#getOut()} and
     * {@link CommandLine#getErr()} (System.out and System.err unless set; tests set their own).
     */
    public CommandLine commandLine() {
        CommandLine cli = new CommandLine(this);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            Throwable t = ex;
            while (t != null && !(t instanceof UserError)) {
                t = t.getCause();
            }
            if (t != null) {
                // One line per mistake; lines already in compiler form (file:line:col: error: ...) as they are.
                for (String line : ((UserError) t).lines()) {
                    cmd.getErr().println(COMPILER_STYLE.matcher(line).lookingAt() ? line : "error: " + line);
                }
                return EXIT_USAGE;
            }
            throw ex;
        });
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            // The qualified name: "argo-gke" alone for the top level, "argo-gke plan" for a command.
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return EXIT_USAGE;
        });
        return cli;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"argo-gke " + (v == null ? "dev" : v)};
        }
    }
}
