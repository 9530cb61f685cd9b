package dev.argogke.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.argogke.testing.MockCloud;
import dev.argogke.testing.MockCloud.Registered;
import dev.argogke.testing.TestSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The edge as the whole program composes it, with the committed dev stack. */
class EdgeTest {
    private static MockCloud.Result dev;

    @TempDir
    Path dir;

    @BeforeAll
    static void runDev() {
        dev = MockCloud.run(MockCloud.stack("dev"), MockCloud::program);
        assertTrue(dev.test().exceptions().isEmpty(), () -> "exceptions: " + dev.test().exceptions());
    }

    @Test
    void argoServerServiceIsNodePortAnnotatedForTheBackendConfigThroughTheChartsValues() throws Exception {
        Registered release = dev.named("kubernetes:helm.sh/v3:Release", "argo");
        assertEquals("NodePort", release.string("values.server.serviceType"));
        Map<?, ?> annotations = (Map<?, ?>) release.input("values.server.serviceAnnotations");
        JsonNode backendConfig = new ObjectMapper().readTree((String) annotations.get("cloud.google.com/backend-config"));
        Registered backend = dev.one("kubernetes:cloud.google.com/v1:BackendConfig");
        assertEquals(backend.string("metadata.name"), backendConfig.get("default").asText());
        assertEquals(release.string("namespace"), backend.string("metadata.namespace"), "a BackendConfig is found in the Service's namespace");
        assertTrue(new ObjectMapper().readTree((String) annotations.get("cloud.google.com/neg")).get("ingress").asBoolean());
        assertEquals(Boolean.FALSE, release.input("values.server.secure"), "plain HTTP inside the VPC, as the health check expects");
    }

    @Test
    void theIapProxyChecksAudiencesOfTheProjectNumberGoogleGivesForTheStacksProject() {
        // The project number is asked of Google (getProject) for the stack's own project, through
        // the stack's Google provider, not the ambient default one.
        List<MockCloud.Call> calls = dev.calls().stream().filter(c -> c.token().equals("gcp:organizations/getProject:getProject")).toList();
        assertEquals(1, calls.size(), dev.calls().toString());
        assertEquals(MockCloud.stack("dev").values().get("gcp:project"), calls.get(0).args().get("projectId"));
        assertTrue(calls.get(0).provider() != null && calls.get(0).provider().contains("::gcp::"), calls.get(0).provider());

        Registered config = dev.one("kubernetes:core/v1:ConfigMap");
        assertEquals("argo-server-iap-proxy", config.string("metadata.name"));
        assertEquals("argo", config.string("metadata.namespace"));
        String envoy = (String) ((Map<?, ?>) config.input("data")).get("envoy.yaml");
        assertTrue(envoy.contains("prefix: /projects/" + MockCloud.PROJECT_NUMBER + "/global/backendServices/"), envoy);

        Registered release = dev.named("kubernetes:helm.sh/v3:Release", "argo");
        assertEquals(8080, release.integer("values.server.serviceTargetPort"));
        assertEquals("argo-server-iap-proxy", release.string("values.server.volumes[0].configMap.name"));
    }

    @Test
    void theARecordPointsAtTheIngressesStaticIp() {
        Registered address = dev.one("gcp:compute/globalAddress:GlobalAddress");
        Map<?, ?> annotations = (Map<?, ?>) dev.one("kubernetes:networking.k8s.io/v1:Ingress").input("metadata.annotations");
        assertEquals(address.string("name"), annotations.get("kubernetes.io/ingress.global-static-ip-name"));
        Registered record = dev.one("gcp:dns/recordSet:RecordSet");
        assertEquals("example-com", record.string("managedZone"));
        assertEquals(List.of(MockCloud.STATIC_IP), record.input("rrdatas"));
    }

    @Test
    void stackOutputsTellWhereTheUiIsAndWhoMayOpenIt() {
        assertEquals("https://argo-dev.example.com", dev.output("url"));
        assertEquals(MockCloud.STATIC_IP, dev.output("staticIp"));
        assertEquals("argo-dev.example.com. 300 IN A " + MockCloud.STATIC_IP, dev.output("dnsRecord"));
        assertEquals(List.of("group:data-team@example.com"), dev.output("iapMembers"));
        assertFalse(dev.test().outputs().containsKey("nameServers"), "the zone is not created here");
    }

    @Test
    void aZoneCreatedHereHasItsNameServersAsAnOutput() {
        var stack = TestSettings.stackFile(dir, "dev", TestSettings.devWith("mode: existing-zone", "mode: create-zone"));
        MockCloud.Result run = MockCloud.run(stack, MockCloud::program);
        assertTrue(run.test().exceptions().isEmpty(), () -> "exceptions: " + run.test().exceptions());
        assertEquals(List.of("ns-cloud-a1.googledomains.com.", "ns-cloud-a2.googledomains.com."), run.output("nameServers"));
    }

    /** A company's zone in a project of its own: the record (and a zone created here) go there; everything else stays. */
    @Test
    void aZoneInAnotherProjectGetsTheRecordThere() {
        var stack = TestSettings.stackFile(dir, "dev", TestSettings.devWith("      dnsName: example.com", "      dnsName: example.com\n      project: acme-dns")
                .replace("mode: existing-zone", "mode: create-zone"));
        MockCloud.Result run = MockCloud.run(stack, MockCloud::program);
        assertTrue(run.test().exceptions().isEmpty(), () -> "exceptions: " + run.test().exceptions());
        assertEquals("acme-dns", run.one("gcp:dns/recordSet:RecordSet").string("project"));
        assertEquals("acme-dns", run.one("gcp:dns/managedZone:ManagedZone").string("project"));
        assertEquals("acme-argo-dev", run.one("gcp:compute/globalAddress:GlobalAddress").string("project"));
        assertEquals("acme-argo-dev", dev.one("gcp:dns/recordSet:RecordSet").string("project"), "by default, the stack's project");
    }

    /**
     * {@code edge.enabled: false}: the UI is reached with kubectl port-forward only, so nothing of the
     * public endpoint exists: no address, Ingress, certificate, IAP access or DNS record.
     */
    @Test
    void aStackWithoutTheEdgeHasNoPublicEndpointAtAll() {
        String text = TestSettings.devWith("  argo-gke:edge:\n", "  argo-gke:edge:\n    enabled: false\n  argo-gke:unused-edge:\n");
        int from = text.indexOf("  argo-gke:unused-edge:\n");
        int to = text.indexOf("  # CIS GKE 5.6.3");
        var stack = TestSettings.stackFile(dir, "dev", text.substring(0, from) + text.substring(to));
        MockCloud.Result run = MockCloud.run(stack, MockCloud::program);
        assertTrue(run.test().exceptions().isEmpty(), () -> "exceptions: " + run.test().exceptions());
        for (String type : List.of("gcp:compute/globalAddress:GlobalAddress", "kubernetes:networking.k8s.io/v1:Ingress",
                "kubernetes:networking.gke.io/v1:ManagedCertificate", "kubernetes:cloud.google.com/v1:BackendConfig",
                "gcp:dns/recordSet:RecordSet", "gcp:iap/webIamMember:WebIamMember")) {
            assertEquals(List.of(), run.ofType(type), type);
        }
        assertTrue(dev.ofType("gcp:compute/globalAddress:GlobalAddress").size() == 1, "the committed dev stack has one");
        assertEquals("ClusterIP", run.named("kubernetes:helm.sh/v3:Release", "argo").string("values.server.serviceType"));
    }

    @Test
    void edgeKubernetesObjectsGoThroughTheClustersProvider() {
        for (String type : List.of("kubernetes:cloud.google.com/v1:BackendConfig", "kubernetes:networking.k8s.io/v1:Ingress",
                "kubernetes:networking.gke.io/v1:ManagedCertificate", "kubernetes:networking.k8s.io/v1:NetworkPolicy")) {
            assertTrue(dev.one(type).provider().contains("pulumi:providers:kubernetes::k8s"), type + ": " + dev.one(type).provider());
        }
    }

    @Test
    void theClusterEnforcesTheNetworkPolicyThatKeepsArgoServerBehindTheLoadBalancer() {
        // Without Dataplane V2 (or Calico) GKE accepts NetworkPolicies and ignores them.
        assertEquals("ADVANCED_DATAPATH", dev.one("gcp:container/cluster:Cluster").string("datapathProvider"));
        assertEquals(1, dev.ofType("kubernetes:networking.k8s.io/v1:NetworkPolicy").size());
    }
}
