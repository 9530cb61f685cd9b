package dev.argogke.policy;

import static dev.argogke.policy.PolicyFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.plan.PlanFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrivateArtifactBucketTest {
    private static final String BUCKET = "gcp:storage/bucket:Bucket";
    private final Rule rule = new PrivateArtifactBucket();

    @Test
    void theCommittedStacksKeepTheArtifactBucketPrivate() {
        assertEquals(List.of(), rule.check(real("dev")));
        assertEquals(List.of(), rule.check(real("prod")));
    }

    @Test
    void objectAclsFail() {
        PolicyInput dev = real("dev");
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, set(dev.plan(), BUCKET, "argo-artifacts", "uniformBucketLevelAccess", false)));
        assertEquals(List.of(BUCKET + " argo-artifacts"), v.stream().map(Violation::resource).toList());
    }

    @Test
    void publicAccessPreventionNotEnforcedFails() {
        PolicyInput dev = real("dev");
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, set(dev.plan(), BUCKET, "argo-artifacts", "publicAccessPrevention", "inherited")));
        assertTrue(v.get(0).message().startsWith("publicAccessPrevention"), v.get(0).message());
    }

    @Test
    void aPublicMemberFails() {
        PolicyInput dev = real("dev");
        PlanFile plan = add(dev.plan(), "gcp:storage/bucketIAMMember:BucketIAMMember", "public-read", Map.of(
                "bucket", "acme-argo-dev-argo-dev", "role", "roles/storage.objectViewer", "member", "allAuthenticatedUsers"));
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(dev, plan));
        assertTrue(v.get(0).message().contains("allAuthenticatedUsers"), v.get(0).message());
    }
}
