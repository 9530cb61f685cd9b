package dev.argogke.program;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.argogke.argo.ArgoWorkflows;
import dev.argogke.argo.ServerService;
import dev.argogke.config.Settings;
import dev.argogke.edge.Edge;
import dev.argogke.secrets.SecretManagerSync;
import dev.argogke.workflows.DeployedForm;
import dev.argogke.workflows.WorkflowsDeployment;
import dev.argogke.workflows.lint.JobObjects;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one place the stack is composed, from settings and inputs that have already been checked:
 * Google Cloud (when the cluster is GKE), the cluster (created, or an existing one), Argo, the
 * public endpoint (when there is one), the jobs' Secret Manager secrets (when an ExternalSecret
 * reads one, on Google Cloud), the workflows, and Argo Events (when an EventSource or Sensor is among them).
 */
public final class StackProgram {
    private StackProgram() {
    }

    /**
     * Outside Google Cloud (a cluster by kubeconfig) there is no Secret Manager: the ExternalSecrets are not
     * deployed, and the Secrets they would write are listed with the command that creates each.
     */
    private static List<String> secretsToCreate(Inputs inputs, String namespace) {
        return inputs.catalog().manifests().stream().filter(m -> JobObjects.EXTERNAL_SECRET.equals(m.kind()))
                .map(m -> "kubectl -n " + namespace + " create secret generic " + JobObjects.secretName(m.content())
                        + JobObjects.secretKeys(m.content()).stream().map(k -> " --from-file=" + k + "=FILE").collect(Collectors.joining()))
                .toList();
    }

    public static void compose(Context ctx, Settings settings, Inputs inputs) {
        boolean secretManager = !inputs.catalog().secretManagerSecrets().isEmpty();
        boolean pubSub = !inputs.events().pubSubSources().isEmpty();
        Optional<GoogleCloud> google = settings.gcp().map(g -> GoogleCloud.of(g, settings.newCluster().isPresent(), secretManager, pubSub));
        ClusterTarget target = ClusterTarget.of(settings, google, inputs);
        ComponentResourceOptions inCluster = google
                .map(g -> ComponentResourceOptions.builder().providers(g.provider(), target.access().provider()).build())
                .orElseGet(() -> ComponentResourceOptions.builder().providers(target.access().provider()).build());

        var argo = new ArgoWorkflows("argo", new ArgoWorkflows.Args(settings.gcp(), settings.stack(),
                settings.environment() == Settings.Environment.PROD, settings.argo(), settings.workflows(),
                target.workflowsPool(), settings.edge().isPresent()
                        ? Edge.serverService(google.orElseThrow().projectNumber()) : ServerService.internal(),
                new ArgoWorkflows.WaitFor(target.identityPool(), target.podsCanRun())), inCluster);
        Optional<Edge> edge = settings.edge().map(e -> new Edge("edge", new Edge.Args(google.orElseThrow().project(),
                settings.stack(), e, settings.argo().namespace(), argo.release()), inCluster));

        Optional<SecretManagerSync> secrets = google.filter(g -> secretManager).map(g -> new SecretManagerSync("secrets",
                new SecretManagerSync.Args(g.project(), settings.stack(), settings.workflows().namespace(),
                        inputs.catalog().secretManagerSecrets(), target.access().kubeconfig(), target.access().context(),
                        argo.workflowsNamespace(), target.identityPool(), target.podsCanRun()), inCluster));

        new WorkflowsDeployment("workflows", new WorkflowsDeployment.Args(
                inputs.catalog(), settings.workflows().namespace(), DeployedForm.of(settings.workflows()),
                settings.stack(), target.access().kubeconfig(), target.access().context(), argo.release(),
                secrets.map(s -> new WorkflowsDeployment.SecretsReady(s.release(), s.store()))), inCluster);
        EventDriven.compose(settings, inputs, google, target, argo, inCluster);

        target.outputs().forEach(ctx::export);
        if (google.isEmpty() && secretManager) {
            ctx.export("secretsToCreate", Output.of(secretsToCreate(inputs, settings.workflows().namespace())));
        }
        if (!inputs.events().notDeployed().isEmpty()) {
            ctx.export("eventsNotDeployed", Output.of(inputs.events().notDeployed()));
        }
        ctx.export("argoNamespace", Output.of(settings.argo().namespace()));
        argo.bucket().ifPresent(b -> ctx.export("artifactBucket", b.name()));
        ctx.export("workflows", Output.of(inputs.catalog().manifests().stream()
                .filter(m -> secrets.isPresent() || !JobObjects.EXTERNAL_SECRET.equals(m.kind()))
                .filter(inputs.events()::deploys)
                .map(m -> m.kind() + "/" + m.name().orElse("")).toList()));
        edge.ifPresent(e -> e.outputs().forEach(ctx::export));
    }
}
