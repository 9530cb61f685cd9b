package dev.argogke.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.plan.OfflinePlan;
import dev.argogke.plan.PlanFile;
import dev.argogke.plan.PlanValues;
import dev.argogke.testing.MockCloud;
import dev.argogke.testing.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Secrets key as the committed stacks plan it: protected where the cluster is, and named after a
 * project number that the preview of a fresh stack cannot know.
 */
class SecretsKeyTest {
    private static final String KEY = "gcp:kms/cryptoKey:CryptoKey";

    @TempDir
    Path dir;

    private static PlanFile.Resource one(PlanFile plan, String type) {
        List<PlanFile.Resource> found = plan.resourcesOfType(type);
        assertEquals(1, found.size(), type + ": " + found);
        return found.get(0);
    }

    private static PlanFile plan(String stack) {
        return OfflinePlan.run(Path.of("."), MockCloud.stack(stack), Optional.empty());
    }

    @Test
    void prodRefusesToDeleteTheKeyAndDevLetsItGoWithTheCluster() {
        // Pulumi's protect option refuses a destroy or a replacement of the resource (docs: resource option protect).
        assertEquals(true, one(plan("prod"), KEY).options().protect(), "prod: deletionProtection true");
        assertEquals(false, one(plan("dev"), KEY).options().protect(), "dev: deletionProtection false");
    }

    @Test
    void turningTheClustersDeletionProtectionOffLiftsTheKeysProtectionToo() throws IOException {
        String prod = Files.readString(Path.of("stacks/Pulumi.prod.yaml")).replace("deletionProtection: true", "deletionProtection: false");
        PlanFile plan = OfflinePlan.run(Path.of("."), TestSettings.stackFile(dir, "prod", prod), Optional.empty());
        assertEquals(false, one(plan, KEY).options().protect());
    }

    @Test
    void theGrantsMemberIsOnlyKnownAfterDeployInTheOfflinePlan() {
        // The project number comes from getProject, which waits for the project's APIs; in a fresh
        // stack's preview they do not exist yet, so the SDK leaves the result unknown.
        PlanFile.Resource grant = one(plan("dev"), "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember");
        assertTrue(PlanValues.isUnknown(grant.input("member")), String.valueOf(grant.input("member")));
        assertEquals("roles/cloudkms.cryptoKeyEncrypterDecrypter", grant.input("role"));
    }
}
