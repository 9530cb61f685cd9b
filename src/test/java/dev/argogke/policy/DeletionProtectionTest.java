package dev.argogke.policy;

import static dev.argogke.policy.PolicyFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.argogke.testing.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeletionProtectionTest {
    private final Rule rule = new DeletionProtection();

    @TempDir
    Path dir;

    @Test
    void prodIsProtectedAndDevNeedNotBe() {
        assertEquals(Optional.empty(), rule.notApplicable(real("prod")));
        assertEquals(List.of(), rule.check(real("prod")));
        assertEquals(Boolean.FALSE, real("dev").plan().resourcesOfType("gcp:container/cluster:Cluster").get(0).input("deletionProtection"));
        assertEquals(Optional.of("prod stacks only; this one's argo-gke:environment is dev"), rule.notApplicable(real("dev")),
                "dev may be torn down");
    }

    @Test
    void prodWithDeletionProtectionTurnedOffFails() throws IOException {
        String prod = Files.readString(Path.of("stacks/Pulumi.prod.yaml")).replace("deletionProtection: true", "deletionProtection: false");
        List<Violation> v = violationsOfOnly(rule.name(), inputOf(TestSettings.stackFile(dir, "prod", prod)));
        assertEquals(List.of("gcp:container/cluster:Cluster cluster"), v.stream().map(Violation::resource).toList());
    }

    @Test
    void aProdBucketThatIsEmptiedOnDestroyFails() {
        PolicyInput prod = real("prod");
        List<Violation> v = violationsOfOnly(rule.name(), withPlan(prod, set(prod.plan(), "gcp:storage/bucket:Bucket", "argo-artifacts", "forceDestroy", true)));
        assertEquals(List.of("gcp:storage/bucket:Bucket argo-artifacts"), v.stream().map(Violation::resource).toList());
    }
}
