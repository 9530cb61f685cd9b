package dev.argogke.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.testing.TestSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code argo-gke:cluster.existing}: a cluster the user already has, and what then does not apply. */
class ExistingClusterSettingsTest {
    static final String KUBECONFIG_STACK = """
            config:
              argo-gke:environment: dev
              argo-gke:cluster:
                existing:
                  kubeconfig: ~/.kube/config
                  context: kind-argo
            """;
    static final String GKE_STACK = """
            config:
              gcp:project: acme-data
              gcp:region: europe-west1
              argo-gke:environment: prod
              argo-gke:cluster:
                existing:
                  name: shared-gke
                  location: europe-west1-b
              argo-gke:edge:
                host: argo.example.com
                dns: {mode: external}
                iapMembers: [group:data-team@example.com]
            """;

    @TempDir
    Path dir;

    private Settings load(String text) {
        return SettingsLoader.load("dev", TestSettings.stackFile(dir, "dev", text));
    }

    @Test
    void anyClusterByKubeconfigNeedsNoGoogleCloudNodePoolsOrEdge() {
        Settings s = load(KUBECONFIG_STACK);
        assertEquals(new Settings.ExistingKubeconfig("~/.kube/config", Optional.of("kind-argo")), s.cluster());
        assertTrue(s.gcp().isEmpty());
        assertTrue(s.edge().isEmpty());
        assertEquals(List.of(), s.nodePools());
        assertTrue(s.newCluster().isEmpty());
    }

    @Test
    void anExistingGkeClusterKeepsTheGoogleSideAndTheEdge() {
        Settings s = load(GKE_STACK);
        assertEquals(new Settings.ExistingGke("shared-gke", new Location("europe-west1-b")), s.cluster());
        assertEquals("acme-data", s.gcp().orElseThrow().project());
        assertEquals("argo.example.com", s.edge().orElseThrow().host());
        assertTrue(((Settings.GkeLocation) s.cluster()).location().zonal());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // what is wrong | line | replacement | the message
            "cluster settings beside existing | context: kind-argo | context: kind-argo\\n    releaseChannel: STABLE"
                    + " | argo-gke:cluster.releaseChannel: does not apply to an existing cluster (argo-gke:cluster.existing), which argo-gke leaves as it is; remove it",
            "kubeconfig and a GKE name | context: kind-argo | name: shared-gke"
                    + " | argo-gke:cluster.existing.name: goes with a GKE cluster, not with kubeconfig",
            "node pools for a cluster it does not manage | argo-gke:environment: dev | argo-gke:environment: dev\\n  argo-gke:nodePools: [{name: general, machineType: e2-small, minNodes: 1, maxNodes: 2}]"
                    + " | argo-gke:nodePools: argo-gke does not manage the nodes of an existing cluster (argo-gke:cluster.existing); remove it",
            "a Google project for a cluster outside Google | argo-gke:environment: dev | argo-gke:environment: dev\\n  gcp:project: acme-data"
                    + " | gcp:project: not used with argo-gke:cluster.existing.kubeconfig",
            "a public endpoint outside GKE | argo-gke:environment: dev | argo-gke:environment: dev\\n  argo-gke:edge: {host: argo.example.com}"
                    + " | argo-gke:edge: the public endpoint needs GKE",
            "a typo under existing | kubeconfig: ~/.kube/config | kubeconfg: ~/.kube/config"
                    + " | argo-gke:cluster.existing.kubeconfg: unknown setting (did you mean kubeconfig?)",
    })
    void aMistakeIsALineNamingTheKey(String what, String line, String replacement, String expected) {
        String text = KUBECONFIG_STACK.replace(line, replacement.replace("\\n", "\n"));
        SettingsException e = assertThrows(SettingsException.class, () -> load(text), what);
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith(expected.trim())), what + ": " + e.problems());
        assertEquals(e.problems().size(), e.getMessage().lines().count(), "one line per problem: " + e.getMessage());
    }

    @Test
    void anExistingGkeClusterNeedsItsNameAndLocation() {
        SettingsException e = assertThrows(SettingsException.class, () -> load(GKE_STACK.replace("      name: shared-gke\n", "")));
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("argo-gke:cluster.existing.name: required")), e.problems().toString());
    }

    @Test
    void aNewClusterStillNeedsItsNodePools() {
        String text = TestSettings.devWith("  argo-gke:nodePools:\n", "  argo-gke:unused:\n");
        SettingsException e = assertThrows(SettingsException.class, () -> load(text));
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("argo-gke:nodePools: required for a cluster argo-gke creates")), e.problems().toString());
    }
}
