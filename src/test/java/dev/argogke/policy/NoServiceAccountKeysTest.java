package dev.argogke.policy;

import static dev.argogke.policy.PolicyFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.plan.PlanFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoServiceAccountKeysTest {
    private final Rule rule = new NoServiceAccountKeys();

    @Test
    void theCommittedStacksCreateNoKeys() {
        assertEquals(List.of(), rule.check(real("dev")));
        assertEquals(List.of(), rule.check(real("prod")));
    }

    @Test
    void aServiceAccountKeyFails() {
        PolicyInput dev = real("dev");
        PlanFile plan = add(dev.plan(), "gcp:serviceaccount/key:Key", "workflows-key", Map.of("serviceAccountId", "argo-wf-dev"));
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, plan));
        assertEquals(List.of("gcp:serviceaccount/key:Key workflows-key"), v.stream().map(Violation::resource).toList());
    }

    @Test
    void anArtifactRepositoryReadWithAKeyFileFails() {
        PolicyInput dev = real("dev");
        PlanFile plan = set(dev.plan(), "kubernetes:helm.sh/v3:Release", "argo", "values.artifactRepository.gcs.serviceAccountKeySecret",
                Map.of("name", "gcs-key", "key", "key.json"));
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, plan));
        assertTrue(v.get(0).message().startsWith("values.artifactRepository.gcs.serviceAccountKeySecret"), v.get(0).message());
    }
}
