package dev.argogke.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.argogke.testing.TestSettings;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command people run to reach a stack's cluster. Expected texts are written from gcloud's
 * reference ("gcloud container clusters get-credentials NAME [--location=LOCATION | --region=REGION
 * | --zone=ZONE]", --project a gcloud-wide flag) and the stack files' values.
 */
class GkeCredentialsTest {
    @TempDir
    Path dir;

    private Settings settings(String text) {
        StackFile file = TestSettings.stackFile(dir, "prod", text);
        return SettingsLoader.load("prod", file);
    }

    @Test
    void aZonalClusterIsNamedWithItsZoneAsLocation() {
        assertEquals(Optional.of("gcloud container clusters get-credentials argo-prod --location europe-west1-b --project acme-argo-prod"),
                GkeCredentials.of(TestSettings.of("prod")));
    }

    @Test
    void aRegionalClusterTakesTheSameLocationFlagNotRegion() throws Exception {
        String regional = java.nio.file.Files.readString(Path.of("stacks/Pulumi.prod.yaml"))
                .replace("    location: europe-west1-b\n", "    location: europe-west1\n");
        assertEquals(Optional.of("gcloud container clusters get-credentials argo-prod --location europe-west1 --project acme-argo-prod"),
                GkeCredentials.of(settings(regional)));
    }

    @Test
    void anExistingGkeClusterIsNamedAsTheStackNamesIt() {
        Settings existing = settings("""
                config:
                  gcp:project: acme-shared
                  gcp:region: europe-west1
                  argo-gke:environment: dev
                  argo-gke:cluster:
                    existing: {name: shared-gke, location: europe-west1-b}
                  argo-gke:edge:
                    host: argo.example.com
                    dns: {mode: external}
                    iapMembers: [group:data-team@example.com]
                """);
        assertEquals(Optional.of("gcloud container clusters get-credentials shared-gke --location europe-west1-b --project acme-shared"),
                GkeCredentials.of(existing));
    }

    @Test
    void aClusterReachedByTheUsersKubeconfigHasNoGcloudCommand() {
        Settings kubeconfig = settings("""
                config:
                  argo-gke:environment: dev
                  argo-gke:cluster:
                    existing: {kubeconfig: ~/.kube/config}
                """);
        assertEquals(Optional.empty(), GkeCredentials.of(kubeconfig));
    }

    @Test
    void withoutAStackThePlaceholdersSayWhatToFillIn() {
        assertEquals("gcloud container clusters get-credentials CLUSTER --location LOCATION --project PROJECT", GkeCredentials.GENERIC);
    }
}
