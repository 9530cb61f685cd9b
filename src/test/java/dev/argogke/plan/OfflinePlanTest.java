package dev.argogke.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.testing.MockCloud;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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

    @Test
    void valuesOnlyTheCloudKnowsAreMarkedUnknownAndSecretsRedacted() {
        PlanFile p = plan("dev");
        assertTrue(PlanValues.isSecret(p.outputs().get("kubeconfig")));
        PlanFile.Resource provider = p.resources().stream()
                .filter(r -> r.type().equals("pulumi:providers:kubernetes") && r.name().equals("k8s")).findFirst().orElseThrow();
        Object kubeconfig = provider.inputs().get("kubeconfig");
        assertTrue(PlanValues.isUnknown(kubeconfig) || PlanValues.isSecret(kubeconfig), String.valueOf(kubeconfig));
        assertFalse(new String(bytes(p)).contains("certificate-authority-data"));
    }

    @Test
    void planRecordsParentsProvidersAndTheWorkflows() {
        PlanFile p = plan("dev");
        PlanFile.Resource pool = p.resources().stream().filter(r -> r.type().equals("gcp:container/nodePool:NodePool")).findFirst().orElseThrow();
        assertTrue(pool.parent().endsWith("argo-gke:cluster:GkeCluster::cluster"), pool.parent());
        assertTrue(pool.provider().endsWith("pulumi:providers:gcp::gcp"), pool.provider());
        assertEquals(1L, ((Number) pool.input("autoscaling.minNodeCount")).longValue());
        assertEquals(java.util.List.of("initialNodeCount"), pool.options().ignoreChanges(), "the autoscaler owns the node count");
        assertTrue(pool.dependsOn().contains(pool.parent().replace("argo-gke:cluster:GkeCluster::cluster",
                "argo-gke:cluster:GkeCluster$gcp:container/cluster:Cluster::cluster")), "a pool is made in its cluster");
        assertEquals(7, p.workflows().size(), "workflows/ holds 3 CronWorkflows and the 4 WorkflowTemplates they run");
        assertTrue(p.workflows().stream().allMatch(w -> w.file().startsWith("workflows/")));
    }
}
