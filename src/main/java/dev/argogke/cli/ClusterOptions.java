package dev.argogke.cli;

import dev.argogke.UserError;
import dev.argogke.config.Settings;
import dev.argogke.config.SettingsLoader;
import dev.argogke.config.StackFile;
import dev.argogke.ops.ArgoCluster;
import dev.argogke.ops.Cancellation;
import dev.argogke.ops.ConnectionSettings;
import dev.argogke.ops.KubeConnection;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the day-2 commands find the cluster: the stack, a kubeconfig, a namespace. */
final class ClusterOptions {
    static final String DEFAULT_STACK = "dev";
    static final String DEFAULT_NAMESPACE = SettingsLoader.WORKFLOWS_NAMESPACE;

    @Option(names = "--stack", paramLabel = "STACK",
            description = "Stack whose settings give the namespace and workflows folder (default: dev, if"
                    + " stacks/Pulumi.dev.yaml exists).")
    String stack;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
            description = "Namespace of the CronWorkflows; wins over the stack's workflows.namespace (default: argo).")
    String namespace;

    @Option(names = "--kubeconfig", paramLabel = "PATH",
            description = "Kubeconfig file (default: $KUBECONFIG or ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "Kubeconfig context (default: the current one).")
    String context;

    @Option(names = "--request-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Seconds one API request may take before it is retried (default: ${DEFAULT-VALUE}).")
    int requestTimeoutSeconds;

    private Optional<Settings> settings;

    /** The project folder: where bin/argo-gke lives, else the working directory. */
    static Path root() {
        String root = System.getProperty("argogke.root");
        return Path.of(root == null ? "." : root);
    }

    /**
     * The current time; the system property {@code argogke.now} (an instant) pins it, so that
     * the README's Day-2 examples can be regenerated with the same output.
     */
    static Clock clock() {
        String now = System.getProperty("argogke.now");
        return now == null ? Clock.systemUTC() : Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
    }

    /** The stack's settings, when there is a stack file for it; an explicit --stack must have one. */
    Optional<Settings> settings() {
        if (settings == null) {
            Path stacks = root().resolve("stacks");
            String name = stack == null ? DEFAULT_STACK : stack;
            if (stack == null && !Files.isRegularFile(stacks.resolve("Pulumi." + name + ".yaml"))) {
                settings = Optional.empty();
            } else {
                try {
                    settings = Optional.of(SettingsLoader.load(name, StackFile.forStack(stacks, name)));
                } catch (UserError e) {
                    throw new UserError(e.getMessage() + " (or name the namespace with -n)", e);
                }
            }
        }
        return settings;
    }

    /** The stack's settings if they can be read; for extras such as a better hint, never an error. */
    Optional<Settings> settingsIfReadable() {
        try {
            return settings();
        } catch (UserError e) {
            return Optional.empty();
        }
    }

    String namespace() {
        if (namespace != null) {
            return namespace;
        }
        return settings().map(s -> s.workflows().namespace()).orElse(DEFAULT_NAMESPACE);
    }

    /**
     * A warning when the kubeconfig context is a GKE cluster other than the stack's: {@code gcloud
     * container clusters get-credentials} names contexts {@code gke_PROJECT_LOCATION_CLUSTER}, and
     * running a job on prod while looking at dev's settings is the mistake this catches.
     */
    Optional<String> otherClusterWarning(KubeConnection connection) {
        String context = connection.context();
        return settingsIfReadable().flatMap(s -> {
            if (!(s.cluster() instanceof Settings.GkeLocation gke) || s.gcp().isEmpty()) {
                return Optional.empty();
            }
            String expected = "gke_" + s.gcp().get().project() + "_" + gke.location() + "_" + gke.name();
            return context.startsWith("gke_") && !context.equals(expected)
                    ? Optional.of("the kubeconfig context " + context + " is not stack " + s.stack() + "'s cluster ("
                    + expected + "); pass --context or --stack if that is not what you meant")
                    : Optional.empty();
        });
    }

    ConnectionSettings connection() {
        if (requestTimeoutSeconds < 1) {
            throw new UserError("--request-timeout " + requestTimeoutSeconds + ": must be at least 1 second");
        }
        String credentials = settingsIfReadable().flatMap(ClusterOptions::credentialsCommand)
                .orElse(ConnectionSettings.GENERIC_CREDENTIALS_COMMAND);
        return new ConnectionSettings(kubeconfig, context, Duration.ofSeconds(requestTimeoutSeconds), credentials);
    }

    /** How to get credentials for the stack's cluster: gcloud's command on GKE; nothing to say for a kubeconfig of the user's own. */
    private static Optional<String> credentialsCommand(Settings s) {
        if (!(s.cluster() instanceof Settings.GkeLocation gke) || s.gcp().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("gcloud container clusters get-credentials " + gke.name()
                + (gke.zonal() ? " --zone " : " --region ") + gke.location() + " --project " + s.gcp().get().project());
    }

    /** Connects to the stack's namespace, warning on {@code err} when the context is another cluster than the stack's. */
    ArgoCluster connect(Cancellation cancellation, PrintWriter err) {
        ArgoCluster argo = ArgoCluster.connect(KubeConnection.open(connection()), namespace(), cancellation);
        otherClusterWarning(argo.connection()).ifPresent(w -> err.println("warning: " + w));
        err.flush();
        return argo;
    }
}
