package dev.argogke.cli;

import dev.argogke.UserError;
import dev.argogke.migrate.Chain;
import dev.argogke.migrate.Chains;
import dev.argogke.migrate.ClusterCronJobs;
import dev.argogke.migrate.CronJobImporter;
import dev.argogke.migrate.CronJobImporter.ImportedWorkflow;
import dev.argogke.migrate.CronJobInputs;
import dev.argogke.migrate.CronJobSource;
import dev.argogke.migrate.Finding;
import dev.argogke.migrate.ImportOptions;
import dev.argogke.workflows.manifest.ManifestLoader;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code argo-gke import-cronjobs}: Kubernetes CronJobs in, Argo files (WorkflowTemplate + CronWorkflow) out. */
@Command(name = "import-cronjobs",
        mixinStandardHelpOptions = true,
        description = {
                "Turn Kubernetes CronJobs into Argo CronWorkflows, one file each.",
                "Each file, named after the CronJob, holds a WorkflowTemplate with the steps, then the"
                        + " CronWorkflow that runs it on the CronJob's schedule (Argo, deployed with"
                        + " templateReferencing: Strict, runs only workflows that reference a template).",
                "Lists, per CronJob, every field that did not carry over, and what each job uses from its"
                        + " namespace (Secrets, ConfigMaps, service account, volume claims) with how to provide it in --namespace.",
                "Nothing is written when any input is malformed or a file is in the way."},
        footer = {"", "Examples:",
                "  argo-gke import-cronjobs k8s/cronjobs/",
                "  argo-gke import-cronjobs --from-cluster --from-namespace etl --out workflows/",
                "  argo-gke import-cronjobs k8s/cronjobs/ --namespace data-etl",
                "  argo-gke import-cronjobs k8s/ --chain extract-jira,load-bigquery,report --name nightly-etl"})
public final class ImportCronJobsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|DIR", arity = "0..*",
            description = "CronJob manifests: files or folders (.yaml/.yml), multi-document files and Lists.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--from-cluster", description = "Read the CronJobs from the cluster instead of files.")
    boolean fromCluster;

    @Option(names = "--namespace", paramLabel = "NS",
            description = "The namespace the workflows will run in; it must be the stack's argo-gke:workflows.namespace,"
                    + " where argo-gke deploys every file of workflows/ (default: ${DEFAULT-VALUE}, that setting's"
                    + " default). Not written into the files; each CronJob from another namespace is warned about.")
    String namespace = ImportOptions.DEFAULT_NAMESPACE;

    @Option(names = "--from-namespace", paramLabel = "NS",
            description = "With --from-cluster: the namespace to read CronJobs from (default: the context's).")
    String fromNamespace;

    /** -n would be read as kubectl's (where to read) or as --namespace (where to run); neither is guessed. */
    @Option(names = "-n", hidden = true)
    String ambiguousN;

    @Option(names = {"-A", "--all-namespaces"}, description = "With --from-cluster: every namespace.")
    boolean allNamespaces;

    @Option(names = "--context", paramLabel = "C", description = "With --from-cluster: the kubeconfig context.")
    String context;

    @Option(names = "--kubeconfig", paramLabel = "P", description = "With --from-cluster: the kubeconfig file.")
    Path kubeconfig;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "workflows",
            description = "Folder for the files written (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--chain", paramLabel = "A,B,C",
            description = "Run these CronJobs one after another in one CronWorkflow, at A's schedule. Repeatable.")
    List<String> chains = new ArrayList<>();

    @Option(names = "--chain-file", paramLabel = "FILE",
            description = "YAML mapping each chained CronWorkflow's name to its CronJobs, e.g. nightly: [a, b, c].")
    Path chainFile;

    @Option(names = "--name", description = "The name of the CronWorkflow of a single --chain (default: A's name).")
    String name;

    @Option(names = "--default-timezone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Time zone for CronJobs without timeZone: their kube-controller-manager's"
                    + " (default: ${DEFAULT-VALUE}, as on GKE).")
    String defaultTimezone;

    @Option(names = "--force", description = "Overwrite existing files.")
    boolean force;

    @Option(names = "--dry-run", description = "Print the files' contents instead of writing them.")
    boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        checkFlags();
        ImportOptions options = new ImportOptions(defaultTimezone, namespace);
        List<Chain> allChains = allChains();
        List<CronJobSource> cronJobs = cronJobs(stderr);
        List<ImportedWorkflow> workflows = CronJobImporter.plan(cronJobs, allChains, options);
        if (dryRun) {
            for (int i = 0; i < workflows.size(); i++) {
                stdout.print((i == 0 ? "" : "---\n") + workflows.get(i).yaml());
            }
        } else {
            List<Path> files = CronJobImporter.write(workflows, out, force);
            for (int i = 0; i < workflows.size(); i++) {
                stdout.println("wrote " + files.get(i) + " from " + from(workflows.get(i)));
            }
        }
        printFindings(workflows, cronJobs.size(), stderr);
        stdout.flush();
        stderr.flush();
        return Main.EXIT_OK;
    }

    /** The chains of --chain and --chain-file, in that order. */
    private List<Chain> allChains() {
        List<Chain> allChains = new ArrayList<>();
        for (String c : chains) {
            allChains.add(Chains.fromOption(c, Optional.ofNullable(name)));
        }
        if (chainFile != null) {
            allChains.addAll(Chains.fromFile(chainFile));
        }
        return allChains;
    }

    /** The CronJobs of the cluster or of the files; reports the files' other documents as skipped. */
    private List<CronJobSource> cronJobs(PrintWriter stderr) {
        List<CronJobSource> cronJobs;
        if (fromCluster) {
            try (KubernetesClient client = ClusterCronJobs.connect(context, kubeconfig)) {
                cronJobs = ClusterCronJobs.list(client, fromNamespace, allNamespaces);
            }
        } else {
            CronJobInputs.Found found = CronJobInputs.fromManifests(ManifestLoader.loadAll(inputs));
            found.skipped().forEach(stderr::println);
            cronJobs = found.cronJobs();
        }
        if (cronJobs.isEmpty()) {
            throw new UserError("no CronJobs found in " + (fromCluster ? "the cluster"
                    + (allNamespaces ? "" : fromNamespace == null ? " (the context's namespace)" : " namespace " + fromNamespace)
                    : String.join(" ", inputs.stream().map(Path::toString).toList())));
        }
        return cronJobs;
    }

    /** Each file's findings, then a one-line summary with the counts. */
    private void printFindings(List<ImportedWorkflow> workflows, int cronJobCount, PrintWriter stderr) {
        long warnings = 0;
        long notes = 0;
        for (ImportedWorkflow w : workflows) {
            if (w.findings().isEmpty()) {
                continue;
            }
            stderr.println(w.fileName() + ":");
            for (Finding f : w.findings()) {
                stderr.println("  " + f.format(w.from().size() > 1));
                if (f.severity() == Finding.Severity.WARNING) {
                    warnings++;
                } else {
                    notes++;
                }
            }
        }
        stderr.println(workflows.size() + " CronWorkflow" + (workflows.size() == 1 ? "" : "s")
                + (dryRun ? " printed" : " written to " + out) + " from " + cronJobCount + " CronJob"
                + (cronJobCount == 1 ? "" : "s") + "; " + warnings + " warning" + (warnings == 1 ? "" : "s")
                + ", " + notes + " note" + (notes == 1 ? "" : "s")
                + (warnings > 0 ? ": review the warnings (also at the top of each file) before committing" : ""));
    }

    private static String from(ImportedWorkflow w) {
        return (w.from().size() == 1 ? "CronJob " : "CronJobs ")
                + String.join(", ", w.from().stream().map(CronJobSource::qualifiedName).toList());
    }

    private void checkFlags() {
        if (ambiguousN != null) {
            throw new UserError("-n " + ambiguousN + ": give --from-namespace " + ambiguousN + " to read the CronJobs of"
                    + " that namespace (with --from-cluster), or --namespace " + ambiguousN + " if the workflows will run"
                    + " there (the stack's argo-gke:workflows.namespace)");
        }
        if (fromCluster && !inputs.isEmpty()) {
            throw new UserError("give either CronJob files or --from-cluster, not both");
        }
        if (!fromCluster && inputs.isEmpty()) {
            throw new UserError("give CronJob manifests (FILE|DIR...) or --from-cluster; see import-cronjobs --help");
        }
        if (!fromCluster && (fromNamespace != null || allNamespaces || context != null || kubeconfig != null)) {
            throw new UserError("--from-namespace, -A, --context and --kubeconfig go with --from-cluster");
        }
        if (fromNamespace != null && allNamespaces) {
            throw new UserError("give either --from-namespace NS or -A, not both");
        }
        if (name != null && chains.size() != 1) {
            throw new UserError("--name names the CronWorkflow of a single --chain; in a --chain-file the keys are"
                    + " the names");
        }
    }
}
