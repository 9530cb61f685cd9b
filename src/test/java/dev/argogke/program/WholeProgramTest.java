package dev.argogke.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.testing.MockCloud;
import dev.argogke.testing.MockCloud.Registered;
import dev.argogke.workflows.manifest.ManifestLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole program, {@code MockCloud.program}, with the committed dev stack's config. */
class WholeProgramTest {
    private static MockCloud.Result dev;

    @BeforeAll
    static void runDev() {
        dev = MockCloud.run(MockCloud.stack("dev"), MockCloud::program);
    }

    @Test
    void devStackRunsWithoutErrors() {
        assertTrue(dev.test().exceptions().isEmpty(), () -> "exceptions: " + dev.test().exceptions());
        assertTrue(dev.test().errors().isEmpty(), () -> "errors: " + dev.test().errors());
    }

    @Test
    void devStackRegistersTheClusterWithAnAutoscalingPoolAsConfigured() {
        Registered cluster = dev.one("gcp:container/cluster:Cluster");
        assertEquals("argo-dev", cluster.string("name"));
        assertEquals("europe-west1-b", cluster.string("location"));
        Registered pool = dev.one("gcp:container/nodePool:NodePool");
        assertEquals(1, pool.integer("autoscaling.minNodeCount"));
        assertEquals(3, pool.integer("autoscaling.maxNodeCount"));
        assertEquals(Boolean.TRUE, pool.input("nodeConfig.spot"));
        assertEquals("e2-small", pool.string("nodeConfig.machineType"));
    }

    @Test
    void devStackInstallsArgoWithAPinnedChartThroughTheClustersProvider() {
        Registered release = dev.named("kubernetes:helm.sh/v3:Release", "argo");
        assertEquals("argo-workflows", release.string("chart"));
        assertTrue(release.string("version").matches("[0-9]+\\.[0-9]+\\.[0-9]+"), "chart version is pinned: " + release.string("version"));
        assertTrue(release.provider().contains("pulumi:providers:kubernetes::k8s"), release.provider());
    }

    @Test
    void devStackCreatesTheArtifactBucketAndTheWorkloadIdentityBinding() {
        assertNotNull(dev.one("gcp:storage/bucket:Bucket"));
        List<String> members = dev.ofType("gcp:serviceaccount/iAMMember:IAMMember").stream()
                .filter(r -> "roles/iam.workloadIdentityUser".equals(r.string("role")))
                .map(r -> r.string("member")).toList();
        assertTrue(members.contains("serviceAccount:acme-argo-dev.svc.id.goog[argo-workflows/argo-workflow]"), members.toString());
    }

    @Test
    void devStackDeploysExactlyOneCustomResourcePerWorkflowDocument() {
        Set<String> expected = ManifestLoader.loadAll(List.of(Path.of("workflows"))).stream()
                .map(m -> m.kind() + "/" + m.name().orElseThrow()).collect(Collectors.toSet());
        // Besides them, the EventBus the EventSources and Sensors talk through (events.ArgoEvents), which is no document of workflows/.
        List<Registered> deployed = dev.resources().stream().filter(r -> (r.type().startsWith("kubernetes:argoproj.io/v1alpha1:")
                && !r.type().endsWith(":EventBus")) || r.type().startsWith("kubernetes:external-secrets.io/v1:ExternalSecret")).toList();
        Set<String> names = deployed.stream().map(r -> r.string("kind") + "/" + r.string("metadata.name")).collect(Collectors.toSet());
        assertEquals(expected.size(), deployed.size());
        assertEquals(expected, names);
    }

    @Test
    void everyKubernetesResourceGoesThroughAnExplicitProviderNeverTheAmbientKubeconfig() {
        List<Registered> kubernetes = dev.resources().stream().filter(r -> r.type().startsWith("kubernetes:")).toList();
        assertTrue(kubernetes.size() > 10, kubernetes.toString());
        for (Registered r : kubernetes) {
            // The SDK sends no provider reference for a resource left to the default provider.
            assertNotNull(r.provider(), r.type() + " " + r.name() + " uses the default provider");
            assertFalse(r.provider().contains("pulumi:providers:kubernetes::default"), r.type() + " " + r.name());
        }
    }

    @Test
    void kubeconfigOutputIsSecretAndUsesTheGcloudAuthPlugin() {
        assertTrue(dev.outputIsSecret("kubeconfig"));
        assertTrue(String.valueOf(dev.output("kubeconfig")).contains("command: gke-gcloud-auth-plugin"));
        assertFalse(String.valueOf(dev.output("kubeconfig")).contains("auth-provider"));
    }

    @Test
    void outputsNameTheClusterNamespaceBucketAndWorkflows() {
        assertEquals("argo-dev", dev.output("clusterName"));
        assertEquals("europe-west1-b", dev.output("clusterLocation"));
        assertEquals("argo", dev.output("argoNamespace"));
        assertEquals("acme-argo-dev-argo-dev", dev.output("artifactBucket"));
        assertTrue(((List<?>) dev.output("workflows")).contains("CronWorkflow/nightly-reports"));
    }

    @Test
    void everyGoogleResourceButTheApiServicesWaitsForTheApisThroughTheStacksGoogleProvider() {
        Registered gcp = dev.named("pulumi:providers:gcp", "gcp");
        List<Registered> apis = dev.ofType("gcp:projects/service:Service");
        assertFalse(apis.isEmpty());
        for (Registered api : apis) {
            assertTrue(gcp.dependsOn(api), "the provider waits for " + api.string("service") + ": " + gcp.dependencies());
        }
        List<Registered> google = dev.resources().stream()
                .filter(r -> r.type().startsWith("gcp:") && !r.type().equals("gcp:projects/service:Service")).toList();
        assertTrue(google.size() > 10, google.toString());
        for (Registered r : google) {
            assertNotNull(r.provider(), r.type() + " " + r.name());
            assertTrue(r.provider().startsWith(gcp.urn() + "::"), r.type() + " " + r.name() + " -> " + r.provider());
        }
    }
}
