package dev.argogke.cli;

import dev.argogke.UserError;
import dev.argogke.config.GkeCredentials;
import dev.argogke.config.Settings;
import dev.argogke.config.SettingsLoader;
import dev.argogke.ops.ArgoCluster;
import dev.argogke.ops.Cancellation;
import dev.argogke.ops.ConnectionSettings;
import dev.argogke.ops.KubeConnection;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the day-2 commands find the cluster: the stack, a kubeconfig, a namespace. */
final class ClusterOptions {
    static final String DEFAULT_NAMESPACE = SettingsLoader.WORKFLOWS_NAMESPACE;

    @Mixin
    StackOptions stack;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
            // An annotation needs a constant, and the schema's default is not one: the literal is
            // DEFAULT_NAMESPACE's value, which HelpTest holds to the README's configuration table.
            description = "Namespace of the CronWorkflows; wins over the stack's workflows.namespace (default: argo-workflows).")
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

    /** The stack's settings, when there is a stack file for it; a stack named by flag must have one. */
    Optional<Settings> settings(Path root) {
        if (settings == null) {
            try {
                settings = stack.find(root).map(file -> SettingsLoader.load(file.stack(), file));
            } catch (UserError e) {
                throw new UserError(e.getMessage() + " (or name the namespace with -n)", e);
            }
        }
        return settings;
    }

    /** The stack's settings if they can be read; for extras such as a better hint, never an error. */
    Optional<Settings> settingsIfReadable(Path root) {
        try {
            return settings(root);
        } catch (UserError e) {
            return Optional.empty();
        }
    }

    String namespace(Path root) {
        if (namespace != null) {
            return namespace;
        }
        return settings(root).map(s -> s.workflows().namespace()).orElse(DEFAULT_NAMESPACE);
    }

    /**
     * A warning when the kubeconfig context is a GKE cluster other than the stack's: {@code gcloud
     * container clusters get-credentials} names contexts {@code gke_PROJECT_LOCATION_CLUSTER}, and
     * running a job on prod while looking at dev's settings is the mistake this catches.
     */
    private Optional<String> otherClusterWarning(Path root, KubeConnection connection) {
        String context = connection.context();
        return settingsIfReadable(root).flatMap(s -> {
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

    private ConnectionSettings connection(Path root) {
        if (requestTimeoutSeconds < 1) {
            throw new UserError("--request-timeout " + requestTimeoutSeconds + ": must be at least 1 second");
        }
        // gcloud's command for the stack's GKE cluster; a generic one for a kubeconfig of the user's own.
        String credentials = settingsIfReadable(root).flatMap(GkeCredentials::of).orElse(GkeCredentials.GENERIC);
        return new ConnectionSettings(kubeconfig, context, Duration.ofSeconds(requestTimeoutSeconds), credentials);
    }

    /** Connects to the stack's namespace, warning on {@code err} when the context is another cluster than the stack's. */
    ArgoCluster connect(Path root, Cancellation cancellation, PrintWriter err) {
        ArgoCluster argo = ArgoCluster.connect(KubeConnection.open(connection(root)), namespace(root), cancellation);
        otherClusterWarning(root, argo.connection()).ifPresent(w -> err.println("warning: " + w));
        err.flush();
        return argo;
    }
}
