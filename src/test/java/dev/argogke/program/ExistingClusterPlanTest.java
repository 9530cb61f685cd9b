package dev.argogke.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.config.StackFile;
import dev.argogke.plan.OfflinePlan;
import dev.argogke.plan.PlanFile;
import dev.argogke.policy.PolicyCheck;
import dev.argogke.testing.TestSettings;
import dev.argogke.testing.WorkflowFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stack for a cluster the user already has plans Argo and the workflows into it, and nothing
 * that would manage the cluster: no network, cluster or node pools; outside Google Cloud nothing
 * of Google Cloud at all.
 */
class ExistingClusterPlanTest {
    @TempDir
    Path dir;

    private StackFile kubeconfigStack() throws Exception {
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\ncurrent-context: kind-argo\n");
        return TestSettings.stackFile(dir, "local", """
                config:
                  argo-gke:environment: dev
                  argo-gke:cluster:
                    existing:
                      kubeconfig: %s
                      context: kind-argo
                """.formatted(kubeconfig));
    }

    @Test
    void aClusterReachedByKubeconfigGetsArgoAndTheWorkflowsAndNothingOfGoogleCloud() throws Exception {
        PlanFile plan = OfflinePlan.run(Path.of("."), kubeconfigStack(), Optional.empty());
        List<String> google = plan.resources().stream().map(PlanFile.Resource::type)
                .filter(t -> t.startsWith("gcp:") || t.equals("pulumi:providers:gcp")).toList();
        assertEquals(List.of(), google);

        PlanFile.Resource release = one(plan, "kubernetes:helm.sh/v3:Release");
        Map<?, ?> values = (Map<?, ?>) release.inputs().get("values");
        assertFalse(values.containsKey("artifactRepository"), "no bucket, so no artifact repository");
        assertFalse(String.valueOf(values).contains("iam.gke.io/gcp-service-account"), "no Workload Identity outside GKE");
        assertEquals("ClusterIP", ((Map<?, ?>) values.get("server")).get("serviceType"), "no public endpoint: argo-server stays inside");

        long crons = plan.resources().stream().filter(r -> r.type().equals("kubernetes:argoproj.io/v1alpha1:CronWorkflow")).count();
        assertEquals(WorkflowFiles.count("CronWorkflow"), crons, "every CronWorkflow of workflows/ is deployed");
        List<Object> contexts = plan.resources().stream().filter(r -> r.type().equals("pulumi:providers:kubernetes"))
                .map(r -> r.inputs().get("context")).toList();
        assertTrue(!contexts.isEmpty() && contexts.stream().allMatch("kind-argo"::equals), "every Kubernetes provider uses the named context: " + contexts);
    }

    /**
     * Outside Google Cloud there is no Secret Manager: the JIRA sync's ExternalSecret (workflows/jira-conference-sync.yaml:
     * Secret jira-conference-sync, key token) is not deployed, no operator is installed, and the stack says which
     * Secret to create instead.
     */
    @Test
    void aClusterReachedByKubeconfigGetsNoExternalSecretsButTheSecretsToCreate() throws Exception {
        PlanFile plan = OfflinePlan.run(Path.of("."), kubeconfigStack(), Optional.empty());
        List<String> types = plan.resources().stream().map(PlanFile.Resource::type).toList();
        assertFalse(types.contains("kubernetes:external-secrets.io/v1:ExternalSecret"), types.toString());
        assertFalse(types.contains("kubernetes:external-secrets.io/v1:SecretStore"), types.toString());
        assertEquals(1, types.stream().filter("kubernetes:helm.sh/v3:Release"::equals).count(), "Argo's release only");
        assertEquals(List.of("kubectl -n argo-workflows create secret generic jira-conference-sync --from-file=token=FILE"),
                plan.outputs().get("secretsToCreate"));
        assertFalse(String.valueOf(plan.outputs().get("workflows")).contains("ExternalSecret"), String.valueOf(plan.outputs().get("workflows")));
    }

    @Test
    void anExistingGkeClusterGetsTheBucketWorkloadIdentityAndEdgeButIsNotManaged() {
        StackFile stack = TestSettings.stackFile(dir, "shared", TestSettings.EXISTING_GKE_PROD);
        PlanFile plan = OfflinePlan.run(Path.of("."), stack, Optional.empty());
        for (String managed : List.of("gcp:container/cluster:Cluster", "gcp:container/nodePool:NodePool", "gcp:compute/network:Network")) {
            assertTrue(plan.resources().stream().noneMatch(r -> r.type().equals(managed)), managed + " must not be created");
        }
        one(plan, "gcp:storage/bucket:Bucket");
        // Workload Identity for the two Pub/Sub EventSources, the workflows, argo-server and the SecretStore the JIRA sync's ExternalSecret reads.
        assertEquals(List.of("serviceAccount:acme-data.svc.id.goog[argo-events/hr-exports-eventsource]",
                        "serviceAccount:acme-data.svc.id.goog[argo-events/partner-files-eventsource]",
                        "serviceAccount:acme-data.svc.id.goog[argo-workflows/argo-workflow]", "serviceAccount:acme-data.svc.id.goog[argo-workflows/secret-manager]",
                        "serviceAccount:acme-data.svc.id.goog[argo/argo-server]"),
                plan.resources().stream().map(r -> String.valueOf(r.inputs().get("member")))
                        .filter(m -> m.startsWith("serviceAccount:acme-data.svc.id.goog[")).sorted().toList());
        one(plan, "kubernetes:networking.k8s.io/v1:Ingress");
    }

    @Test
    void theSecurityRulesHoldForAClusterReachedByKubeconfig() throws Exception {
        StackFile stack = kubeconfigStack();
        var result = PolicyCheck.of(Path.of("."), stack, Optional.empty());
        assertTrue(result.report().passed(), String.valueOf(result.report().violations()));
    }

    private static PlanFile.Resource one(PlanFile plan, String type) {
        List<PlanFile.Resource> of = plan.resources().stream().filter(r -> r.type().equals(type)).toList();
        assertEquals(1, of.size(), type);
        return of.get(0);
    }
}
