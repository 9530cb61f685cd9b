package dev.argogke;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.argogke.argo.ArgoWorkflows;
import dev.argogke.argo.LocalChart;
import dev.argogke.cluster.GkeCluster;
import dev.argogke.cluster.KubernetesAccess;
import dev.argogke.cluster.Network;
import dev.argogke.cluster.ProjectServices;
import dev.argogke.config.LanguageHostConfig;
import dev.argogke.config.PulumiConfigSource;
import dev.argogke.config.Settings;
import dev.argogke.config.SettingsLoader;
import dev.argogke.config.StackFile;
import dev.argogke.edge.Edge;
import dev.argogke.policy.PolicyCheck;
import dev.argogke.policy.PolicyReport;
import dev.argogke.workflows.DeployedForm;
import dev.argogke.workflows.WorkflowCatalog;
import dev.argogke.workflows.WorkflowsDeployment;
import dev.argogke.workflows.lint.Finding;
import dev.argogke.workflows.lint.LintReport;
import dev.argogke.workflows.lint.Linter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Pulumi program: reads the stack's settings and workflows once, checks them, then composes
 * the components. Nothing is registered until every check has passed, so a mistake never leaves
 * half an environment behind.
 */
public final class App {
    private App() {
    }

    /** What {@code pulumi up} runs (the jar's entry point). */
    public static void main(String[] args) {
        ByteArrayOutputStream refusal = new ByteArrayOutputStream();
        if (preflight(System.getenv(), projectRoot(), new PrintStream(refusal, true, StandardCharsets.UTF_8)) != 0) {
            // Each line as an error diagnostic of the run, which `pulumi preview` shows as the stack's error
            // (a failing program's stderr would only be dumped after a generic "exited with non-zero exit code").
            // Nothing is registered but the root stack; the SDK exits non-zero because errors were logged.
            List<String> lines = refusal.toString(StandardCharsets.UTF_8).lines().map(l -> l.replaceFirst("^error: ", "")).toList();
            Pulumi.run(ctx -> lines.forEach(line -> ctx.log().error(line)));
        }
        Pulumi.run(App::stackReportingUserErrors);
    }

    /**
     * Before Pulumi registers anything: plans the stack offline from the config the Pulumi CLI
     * hands over in {@code env} and checks the security rules. A stack that breaks one never
     * reaches the engine.
     *
     * @return 0 to go on (also when not run by the Pulumi CLI); 1 when a rule fails, one line per
     *         violation on {@code err}; 2 for a config mistake, one error line
     */
    static int preflight(Map<String, String> env, Path root, PrintStream err) {
        try {
            Optional<LanguageHostConfig> config = LanguageHostConfig.fromEnvironment(env);
            if (config.isEmpty()) {
                return 0;
            }
            Path stackFile = root.resolve("stacks").resolve("Pulumi." + config.get().stack() + ".yaml");
            Optional<StackFile> file = Files.isRegularFile(stackFile) ? Optional.of(StackFile.read(stackFile)) : Optional.empty();
            PolicyReport report = PolicyCheck.of(root, config.get(), file).report();
            report.violations().forEach(v -> err.println("policy " + v.line()));
            return report.passed() ? 0 : 1;
        } catch (UserError e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    /** Like {@link #stack}, but a user's mistake is one error line in Pulumi's output, not a stack trace. */
    static void stackReportingUserErrors(Context ctx) {
        try {
            stack(ctx);
        } catch (UserError e) {
            ctx.log().error(e.getMessage());
        }
    }

    public static void stack(Context ctx) {
        Settings settings = SettingsLoader.load(ctx.stackName(), new PulumiConfigSource(ctx));
        stack(ctx, settings, Inputs.load(projectRoot(), settings));
    }

    /** The program proper, given settings and inputs that have already been checked. */
    public static void stack(Context ctx, Settings settings, Inputs inputs) {
        String stack = settings.stack();
        String project = settings.gcp().project();

        var services = new ProjectServices("services", new ProjectServices.Args(project), null);
        // Every Google resource goes through this provider, which waits for the APIs to be enabled.
        var gcp = new com.pulumi.gcp.Provider("gcp", com.pulumi.gcp.ProviderArgs.builder()
                .project(project)
                .region(settings.gcp().region())
                .build(), com.pulumi.resources.CustomResourceOptions.builder().dependsOn(services.services()).build());
        var google = ComponentResourceOptions.builder().providers(gcp).build();

        var network = new Network("network",
                Network.Args.defaults(project, settings.gcp().region(), settings.cluster().privateNodes()), google);
        var cluster = new GkeCluster("cluster",
                new GkeCluster.Args(project, settings.cluster(), settings.nodePools(), network), google);
        var access = new KubernetesAccess("k8s", new KubernetesAccess.Args(cluster), google);
        var inCluster = ComponentResourceOptions.builder().providers(gcp, access.provider()).build();

        Optional<String> workflowsPool = settings.nodePools().stream()
                .filter(Settings.NodePool::workflowsOnly).map(Settings.NodePool::name).findFirst();
        List<Resource> podsCanRun = new ArrayList<>(cluster.nodePools());
        network.nat().ifPresent(podsCanRun::add);
        var argo = new ArgoWorkflows("argo", new ArgoWorkflows.Args(project, settings.gcp().region(), stack,
                settings.environment() == Settings.Environment.PROD, settings.argo(), settings.workflows(),
                workflowsPool, Edge.serverService(), new ArgoWorkflows.WaitFor(List.of(cluster.cluster()), podsCanRun)), inCluster);
        var edge = new Edge("edge", new Edge.Args(project, stack, settings.edge(), settings.argo().namespace(), argo.release()), inCluster);

        var workflows = new WorkflowsDeployment("workflows", new WorkflowsDeployment.Args(
                inputs.catalog(), settings.workflows().namespace(), DeployedForm.of(settings.workflows()),
                stack, access.kubeconfig(), argo.release()), inCluster);

        ctx.export("clusterName", cluster.name());
        ctx.export("clusterLocation", Output.of(settings.cluster().location()));
        ctx.export("kubeconfig", access.kubeconfig());
        ctx.export("argoNamespace", Output.of(settings.argo().namespace()));
        ctx.export("artifactBucket", argo.bucket().name());
        ctx.export("workflows", Output.of(inputs.catalog().manifests().stream().map(m -> m.kind() + "/" + m.name().orElse("")).toList()));
        edge.outputs().forEach(ctx::export);
        ctx.export("getCredentials", cluster.name().applyValue(n -> "gcloud container clusters get-credentials " + n
                + " --location " + settings.cluster().location() + " --project " + project));
    }

    /** Where Pulumi.yaml is: the working directory under Pulumi, or -Dargogke.root for the offline tools. */
    public static Path projectRoot() {
        return Path.of(System.getProperty("argogke.root", ".")).toAbsolutePath().normalize();
    }

    /** What the program reads besides settings, loaded and checked before anything is registered. */
    public record Inputs(WorkflowCatalog catalog) {
        public static Inputs load(Path root, Settings settings) {
            LocalChart.check(root, settings.argo());
            return load(root.resolve(settings.workflows().directory()));
        }

        /** Loads the catalog and lints it as one set; any lint error stops the program here. */
        public static Inputs load(Path workflowsDirectory) {
            WorkflowCatalog catalog = WorkflowCatalog.load(workflowsDirectory);
            LintReport report = Linter.lintManifests(catalog.manifests());
            if (!report.clean()) {
                List<Finding> errors = report.errors();
                throw new UserError(errors.get(0).format()
                        + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more lint errors; `bin/argo-gke lint " + workflowsDirectory + "` lists them)" : "")
                        + "; nothing was deployed");
            }
            return new Inputs(catalog);
        }
    }
}
