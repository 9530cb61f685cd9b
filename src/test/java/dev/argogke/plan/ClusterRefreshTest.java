package dev.argogke.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code pulumi refresh} must never make the next {@code up} replace the cluster (it has an
 * explicit name, so Pulumi would delete it first, and with it every workflow).
 *
 * <p>What a refresh reads back: once the default pool is removed, GKE reports the first remaining
 * pool's node config as the cluster's {@code nodeConfig}, and terraform-provider-google-beta v5.0.0
 * (which pulumi-gcp 7.0.0 bridges) stores it in the cluster's state, where every field of it forces
 * a new cluster (hashicorp/terraform-provider-google#2115, #3409; cloud-foundation-fabric#1275 shows
 * {@code spot} flipping). The default pool's {@code initialNodeCount} is gone with it. Pulumi then
 * diffs the program's inputs against that state, taking the state's value for every property in
 * the resource's {@code ignoreChanges} (pulumi/pulumi pkg/resource/deploy/step_generator.go,
 * processIgnoreChanges). Which properties replace is {@link ReplaceRules}' table, from the provider.
 */
class ClusterRefreshTest {
    private static final String CLUSTER = "gcp:container/cluster:Cluster";
    private static final String POOL = "gcp:container/nodePool:NodePool";

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void aRefreshThatReadsTheFirstPoolBackDoesNotReplaceTheCluster(String stack) {
        PlanFile plan = CommittedPlans.of(stack);
        PlanFile.Resource cluster = only(plan, CLUSTER);
        PlanFile.Resource firstPool = plan.resources().stream().filter(r -> r.type().equals(POOL)).findFirst().orElseThrow();

        Map<String, Object> refreshed = new LinkedHashMap<>(cluster.inputs());
        refreshed.put("nodeConfig", firstPool.inputs().get("nodeConfig"));
        refreshed.put("initialNodeCount", 0L);
        // The state really differs from the program's inputs: without ignoreChanges this would replace.
        assertFalse(Objects.equals(refreshed.get("nodeConfig"), cluster.inputs().get("nodeConfig")), "the simulated refresh changes nodeConfig");

        Map<String, Object> next = new LinkedHashMap<>(cluster.inputs());
        for (String ignored : cluster.options().ignoreChanges()) {
            next.put(ignored, refreshed.get(ignored));
        }
        List<String> replacing = new ArrayList<>();
        for (String key : refreshed.keySet()) {
            if (!Objects.equals(refreshed.get(key), next.get(key)) && ReplaceRules.replaces(CLUSTER, key)) {
                replacing.add(key);
            }
        }
        assertEquals(List.of(), replacing, "properties whose refreshed value would replace the cluster");
    }

    private static PlanFile.Resource only(PlanFile plan, String type) {
        List<PlanFile.Resource> of = plan.resources().stream().filter(r -> r.type().equals(type)).toList();
        assertEquals(1, of.size(), type);
        return of.get(0);
    }
}
