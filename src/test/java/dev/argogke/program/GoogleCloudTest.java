package dev.argogke.program;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.plan.OfflinePlan;
import dev.argogke.plan.PlanFile;
import dev.argogke.plan.PlanValues;
import dev.argogke.testing.TestSettings;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack's explicit GCP provider, which every Google resource goes through. An explicit provider
 * reads no stack config by itself (Pulumi docs, "Providers": explicit providers take their settings
 * from their arguments), so credentials the stack names must be handed to it.
 */
class GoogleCloudTest {
    @TempDir
    Path dir;

    private PlanFile.Resource provider(String extraConfig) {
        String text = TestSettings.devWith("  gcp:region: europe-west1\n", "  gcp:region: europe-west1\n" + extraConfig);
        PlanFile plan = OfflinePlan.run(Path.of("."), TestSettings.stackFile(dir, "dev", text), Optional.empty());
        return plan.resources().stream()
                .filter(r -> r.type().equals("pulumi:providers:gcp") && r.name().equals("gcp")).findFirst().orElseThrow();
    }

    @Test
    void anAccessTokenInTheStackReachesTheProviderAsASecret() {
        // Found by a real offline `pulumi preview` of dev with pulumi-gcp 7.0.0 and only
        // gcp:accessToken set: the explicit provider failed to find credentials.
        PlanFile.Resource gcp = provider("  gcp:accessToken:\n    secure: v1:abc:def\n");
        assertTrue(PlanValues.isSecret(gcp.inputs().get("accessToken")), String.valueOf(gcp.inputs()));
        assertFalse(String.valueOf(gcp.inputs()).contains("v1:abc:def"));
    }

    @Test
    void impersonationInTheStackReachesTheProvider() {
        PlanFile.Resource gcp = provider("  gcp:impersonateServiceAccount: deployer@acme-argo-dev.iam.gserviceaccount.com\n");
        assertTrue(String.valueOf(gcp.inputs().get("impersonateServiceAccount")).startsWith("deployer@"));
    }

    @Test
    void withoutThemTheProviderUsesApplicationDefaultCredentials() {
        PlanFile.Resource gcp = provider("");
        assertNull(gcp.inputs().get("accessToken"));
        assertNull(gcp.inputs().get("credentials"));
    }
}
