package dev.argogke.program;

import dev.argogke.UserError;
import dev.argogke.argo.LocalChart;
import dev.argogke.config.SettingsSchema;
import dev.argogke.events.ArgoEventsVersion;
import dev.argogke.events.EventObjects;
import dev.argogke.config.Settings;
import dev.argogke.workflows.WorkflowCatalog;
import dev.argogke.workflows.lint.Finding;
import dev.argogke.workflows.lint.LintReport;
import dev.argogke.workflows.lint.Linter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the program reads besides settings, loaded and checked before anything is registered: the
 * workflows (linted as one set) and, for a cluster reached by kubeconfig, that file's text.
 */
public record Inputs(WorkflowCatalog catalog, EventObjects events, Optional<String> kubeconfig) {
    /** The stack's own workflows folder. */
    public static Inputs load(Path root, Settings settings) {
        return load(root, settings, root.resolve(settings.workflows().directory()));
    }

    /** Another workflows folder than the stack's (the offline plan's {@code --workflows}). */
    public static Inputs load(Path root, Settings settings, Path workflowsDirectory) {
        LocalChart.check(root, settings.argo());
        settings.events().chartPath().ifPresent(path -> LocalChart.check(SettingsSchema.EVENTS_CHART_PATH.key(), root, path,
                ArgoEventsVersion.CHART, ArgoEventsVersion.CHART_VERSION, "argo-gke pins",
                "use argo-helm's argo-events chart " + ArgoEventsVersion.CHART_VERSION + " (`helm pull argo/argo-events --version "
                        + ArgoEventsVersion.CHART_VERSION + " --untar`)"));
        Optional<String> kubeconfig = settings.cluster() instanceof Settings.ExistingKubeconfig k
                ? Optional.of(readKubeconfig(root, k.kubeconfig())) : Optional.empty();
        WorkflowCatalog catalog = lintedCatalog(workflowsDirectory);
        var events = EventObjects.of(catalog.manifests(), new EventObjects.Target(settings.stack(),
                settings.gcp().map(Settings.Gcp::project), settings.events().namespace(), settings.workflows().namespace(),
                settings.events().bucketNotifications()));
        return new Inputs(catalog, events, kubeconfig);
    }

    /** Loads the catalog and lints it as one set; any lint error stops the program here. */
    public static WorkflowCatalog lintedCatalog(Path workflowsDirectory) {
        WorkflowCatalog catalog = WorkflowCatalog.load(workflowsDirectory);
        LintReport report = Linter.lintManifests(catalog.manifests());
        if (!report.clean()) {
            List<Finding> errors = report.errors();
            throw new UserError(errors.get(0).format()
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more lint errors; `bin/argo-gke lint " + workflowsDirectory + "` lists them)" : "")
                    + "; nothing was deployed");
        }
        return catalog;
    }

    /** A path from the settings: {@code ~/} is the user's home, anything else relative to the project. */
    static Path resolve(Path root, String path) {
        return path.startsWith("~/") ? Path.of(System.getProperty("user.home")).resolve(path.substring(2)) : root.resolve(path);
    }

    private static String readKubeconfig(Path root, String path) {
        Path file = resolve(root, path).normalize();
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("argo-gke:cluster.existing.kubeconfig: cannot read " + file + " (" + e.getClass().getSimpleName()
                    + "); point it at the cluster's kubeconfig, e.g. ~/.kube/config; nothing was deployed");
        }
    }
}
