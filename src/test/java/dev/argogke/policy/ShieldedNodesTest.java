package dev.argogke.policy;

import static dev.argogke.policy.PolicyFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.plan.PlanFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShieldedNodesTest {
    private static final String CLUSTER = "gcp:container/cluster:Cluster";
    private static final String POOL = "gcp:container/nodePool:NodePool";
    private final Rule rule = new ShieldedNodes();

    @Test
    void theCommittedStacksHaveShieldedNodesWithSecureBoot() {
        assertEquals(List.of(), rule.check(real("dev")));
        assertEquals(List.of(), rule.check(real("prod")));
    }

    @Test
    void shieldedNodesOffFails() {
        PolicyInput dev = real("dev");
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, set(dev.plan(), CLUSTER, "cluster", "enableShieldedNodes", false)));
        assertEquals(List.of("enableShieldedNodes is not true; set it to true"), v.stream().map(Violation::message).toList());
    }

    @Test
    void aPoolWithoutSecureBootFails() {
        PolicyInput prod = real("prod");
        PlanFile plan = set(prod.plan(), POOL, "cluster-system", "nodeConfig.shieldedInstanceConfig", null);
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(prod, plan));
        assertEquals(List.of(POOL + " cluster-system"), v.stream().map(Violation::resource).toList());
    }
}
