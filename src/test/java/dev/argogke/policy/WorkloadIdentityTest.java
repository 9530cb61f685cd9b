package dev.argogke.policy;

import static dev.argogke.policy.PolicyFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.plan.PlanFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadIdentityTest {
    private static final String CLUSTER = "gcp:container/cluster:Cluster";
    private static final String POOL = "gcp:container/nodePool:NodePool";
    private final Rule rule = new WorkloadIdentity();

    @Test
    void theCommittedStacksUseWorkloadIdentityOnEveryPool() {
        assertEquals(List.of(), rule.check(real("dev")));
        assertEquals(List.of(), rule.check(real("prod")), "prod has two pools");
    }

    @Test
    void aClusterWithoutAWorkloadPoolFails() {
        PolicyInput dev = real("dev");
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, set(dev.plan(), CLUSTER, "cluster", "workloadIdentityConfig", null)));
        assertEquals(List.of(new Violation("workload-identity", CLUSTER + " cluster",
                "workloadIdentityConfig.workloadPool is not set, so pods use the nodes' credentials; set it to <project>.svc.id.goog")), v);
    }

    @Test
    void aPoolWherePodsSeeTheNodesMetadataFails() {
        PolicyInput prod = real("prod");
        PlanFile plan = set(prod.plan(), POOL, "cluster-jobs", "nodeConfig.workloadMetadataConfig.mode", "GCE_METADATA");
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(prod, plan));
        assertEquals(1, v.size());
        assertEquals(POOL + " cluster-jobs", v.get(0).resource());
        assertTrue(v.get(0).message().contains("is GCE_METADATA"), v.get(0).message());
    }
}
