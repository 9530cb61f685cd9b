package dev.argogke.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.testing.MockCloud;
import dev.argogke.testing.TestSettings;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflinePlanTest {
    private static PlanFile plan(String stack) {
        return OfflinePlan.run(Path.of("."), MockCloud.stack(stack), Optional.empty());
    }

    private static byte[] bytes(PlanFile plan) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        plan.write(out);
        return out.toByteArray();
    }

    @Test
    void twoPlansOfTheSameCommitAreByteIdentical() {
        assertArrayEquals(bytes(plan("dev")), bytes(plan("dev")));
    }

    private static PlanFile.Resource provider(PlanFile p, String name) {
        return p.resources().stream().filter(r -> r.type().equals("pulumi:providers:kubernetes") && r.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no Kubernetes provider " + name));
    }

    @Test
    void valuesOnlyTheCloudKnowsAreMarkedUnknownAndSecretsRedacted() {
        PlanFile p = CommittedPlans.of("dev");
        assertTrue(PlanValues.isSecret(p.outputs().get("kubeconfig")));
        // A fresh stack: the cluster's endpoint and CA come from Google, so its kubeconfig is unknown.
        assertTrue(PlanValues.isUnknown(provider(p, "k8s").inputs().get("kubeconfig")), String.valueOf(provider(p, "k8s").inputs()));
        assertFalse(new String(bytes(p)).contains("certificate-authority-data"));
    }

    /**
     * docs/deploying.md, "First deployment and Argo's CRDs": while the Helm release is still to be created its
     * status is unknown during a preview, "so the provider's configuration is unknown and the
     * Kubernetes provider previews the workflows without asking the API server". That must hold even
     * where the cluster's kubeconfig is known: a cluster reached through a kubeconfig file.
     */
    @Test
    void theWorkflowsProviderIsUnknownInAPreviewUntilArgosReleaseExists(@TempDir Path dir) throws Exception {
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\ncurrent-context: kind-argo\n");
        PlanFile p = OfflinePlan.run(Path.of("."), TestSettings.stackFile(dir, "local", """
                config:
                  argo-gke:environment: dev
                  argo-gke:cluster:
                    existing: {kubeconfig: %s}
                """.formatted(kubeconfig)), Optional.empty());
        Object clusters = provider(p, "k8s").inputs().get("kubeconfig");
        assertTrue(PlanValues.isSecret(clusters), "the cluster's own kubeconfig is known (and secret): " + clusters);
        Object workflows = provider(p, "workflows").inputs().get("kubeconfig");
        assertTrue(PlanValues.isUnknown(workflows), "the workflows' provider waits for the release: " + workflows);
        assertTrue(PlanValues.isUnknown(provider(CommittedPlans.of("dev"), "workflows").inputs().get("kubeconfig")));
    }

    @Test
    void planRecordsParentsProvidersAndTheWorkflows() {
        PlanFile p = CommittedPlans.of("dev");
        PlanFile.Resource pool = p.resources().stream().filter(r -> r.type().equals("gcp:container/nodePool:NodePool")).findFirst().orElseThrow();
        assertTrue(pool.parent().endsWith("argo-gke:cluster:GkeCluster::cluster"), pool.parent());
        assertTrue(pool.provider().endsWith("pulumi:providers:gcp::gcp"), pool.provider());
        assertEquals(1L, ((Number) pool.input("autoscaling.minNodeCount")).longValue());
        assertEquals(java.util.List.of("initialNodeCount"), pool.options().ignoreChanges(), "the autoscaler owns the node count");
        assertTrue(pool.dependsOn().contains(pool.parent().replace("argo-gke:cluster:GkeCluster::cluster",
                "argo-gke:cluster:GkeCluster$gcp:container/cluster:Cluster::cluster")), "a pool is made in its cluster");
        assertEquals(13, p.workflows().size(), "workflows/ holds 3 CronWorkflows, 5 WorkflowTemplates, the JIRA sync's ExternalSecret,"
                + " 2 EventSources (hr-exports, partner-files) and their 2 Sensors");
        assertTrue(p.workflows().stream().allMatch(w -> w.file().startsWith("workflows/")));
    }
}
