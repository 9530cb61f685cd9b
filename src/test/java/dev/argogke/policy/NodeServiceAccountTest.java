package dev.argogke.policy;

import static dev.argogke.policy.PolicyFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.plan.PlanFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeServiceAccountTest {
    private static final String CLUSTER = "gcp:container/cluster:Cluster";
    private static final String POOL = "gcp:container/nodePool:NodePool";
    private final Rule rule = new NodeServiceAccount();

    @Test
    void theCommittedStacksRunNodesAsTheirOwnServiceAccount() {
        assertEquals(List.of(), rule.check(real("dev")));
        assertEquals(List.of(), rule.check(real("prod")));
    }

    @Test
    void aPoolWithoutAServiceAccountRunsAsTheDefaultComputeAccount() {
        PolicyInput dev = real("dev");
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, set(dev.plan(), POOL, "cluster-general", "nodeConfig.serviceAccount", null)));
        assertEquals(1, v.size());
        assertTrue(v.get(0).message().startsWith("nodeConfig.serviceAccount is unset, so nodes run as the default compute service account"), v.get(0).message());
    }

    @Test
    void namingTheDefaultComputeAccountFails() {
        PolicyInput dev = real("dev");
        PlanFile plan = set(dev.plan(), CLUSTER, "cluster", "nodeConfig.serviceAccount", "123456789012-compute@developer.gserviceaccount.com");
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, plan));
        assertEquals(CLUSTER + " cluster", v.get(0).resource());
        assertTrue(v.get(0).message().contains("is 123456789012-compute@developer.gserviceaccount.com"), v.get(0).message());
    }
}
