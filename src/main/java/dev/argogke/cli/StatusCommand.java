package dev.argogke.cli;

import dev.argogke.UserError;
import dev.argogke.config.Settings;
import dev.argogke.config.SettingsSchema;
import dev.argogke.events.EventObjects;
import dev.argogke.ops.ArgoCluster;
import dev.argogke.ops.Cancellation;
import dev.argogke.ops.EventStatus;
import dev.argogke.ops.EventStatusFormat;
import dev.argogke.ops.RepoCronWorkflows;
import dev.argogke.ops.RepoSensors;
import dev.argogke.ops.Status;
import dev.argogke.ops.StatusFormat;
import dev.argogke.workflows.DeployedForm;
import dev.argogke.workflows.manifest.Manifest;
import dev.argogke.workflows.manifest.ManifestLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show what is scheduled on the cluster and whether it worked.",
                "Per CronWorkflow: schedules and time zone, suspended or not, last scheduled and next run times,"
                        + " active and last runs, and whether it drifted from workflows/.",
                "Per Argo Events Sensor (event-driven workflows): the events it waits for, the WorkflowTemplates it"
                        + " starts, its last trigger, drift, and the command that sends it a test message."})
final class StatusCommand implements Callable<Integer> {
    enum Format { table, json }

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
            description = "table for people, json for tools (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--events-namespace", paramLabel = "NAMESPACE",
            description = "Namespace of the Sensors and EventSources; wins over the stack's events.namespace (default: argo-events).")
    String eventsNamespace;

    @Option(names = "--workflows", paramLabel = "DIR",
            description = "Folder to compare with (default: the stack's workflows.directory, else workflows).")
    Path workflows;

    @Override
    public Integer call() {
        String namespace = cluster.namespace(main.root());
        Optional<Settings> settings = cluster.settingsIfReadable(main.root());
        Path dir = workflows != null ? workflows
                : main.root().resolve(settings.map(s -> s.workflows().directory()).orElse("workflows"));
        DeployedForm form = settings.map(s -> DeployedForm.of(s.workflows())).orElse(DeployedForm.asWritten());
        PrintWriter err = spec.commandLine().getErr();
        String events = eventsNamespace != null ? eventsNamespace
                : settings.map(s -> s.events().namespace()).orElse((String) SettingsSchema.EVENTS_NAMESPACE.defaultValue());
        Optional<RepoCronWorkflows> repo;
        Optional<RepoSensors> repoSensors;
        try {
            // workflows/ read once, for the CronWorkflows, the Sensors and what the stack leaves out here.
            Optional<List<Manifest>> manifests = Files.isDirectory(dir)
                    ? Optional.of(ManifestLoader.loadAll(List.of(dir))) : Optional.empty();
            repo = manifests.map(ms -> RepoCronWorkflows.of(dir, ms, namespace, form));
            repoSensors = manifests.map(ms -> RepoSensors.of(dir, ms, events, form).without(notDeployedSensors(settings, ms, err)));
        } catch (UserError e) {
            // A half-edited file in workflows/ must not hide what the cluster runs.
            err.println("warning: not comparing with " + dir + ": " + e.getMessage());
            repo = Optional.empty();
            repoSensors = Optional.empty();
        }
        Cancellation cancellation = new Cancellation();
        try (ArgoCluster argo = cluster.connect(main.root(), cancellation, err)) {
            Status.Report report = Status.collect(argo, repo, main.clock());
            EventStatus.Report sensors = EventStatus.collect(argo, events, repoSensors,
                    settings.flatMap(Settings::gcp).map(Settings.Gcp::project), main.clock());
            spec.commandLine().getOut().print(format == Format.json ? StatusFormat.json(report, sensors)
                    : StatusFormat.table(report) + EventStatusFormat.table(sensors));
            spec.commandLine().getOut().flush();
        }
        return Main.EXIT_OK;
    }

    /**
     * The Sensors of {@code workflows/} the stack leaves out on this cluster (on a cluster reached by kubeconfig,
     * those that depend on a Pub/Sub source: events.EventObjects), each said once as a note on stderr.
     */
    private static Set<String> notDeployedSensors(Optional<Settings> settings, List<Manifest> manifests, PrintWriter err) {
        if (settings.isEmpty() || settings.get().gcp().isPresent()) {
            return Set.of();
        }
        Settings s = settings.get();
        EventObjects events;
        try {
            events = EventObjects.of(manifests, new EventObjects.Target(s.stack(),
                    Optional.empty(), s.events().namespace(), s.workflows().namespace()));
        } catch (UserError e) {
            return Set.of(); // what `plan` refuses; the comparison goes on with the Sensors as written
        }
        events.notDeployed().forEach(line -> err.println("note: not deployed on this cluster: " + line));
        return events.notDeployedSensors();
    }
}
