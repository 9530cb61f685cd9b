package dev.argogke.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.config.Settings;
import dev.argogke.testing.MockCloud;
import dev.argogke.testing.MockCloud.Registered;
import dev.argogke.testing.TestSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GkeClusterTest {
    private static final String PROJECT_NUMBER = "123456789012";

    private static MockCloud.Result run(Settings s) {
        return MockCloud.run(s.stack(), Map.of(), java.util.Set.of(), ctx -> {
            var network = new Network("network", Network.Args.defaults(s.gcp().orElseThrow().project(), s.gcp().orElseThrow().region(), s.newCluster().orElseThrow().privateNodes()), null);
            new GkeCluster("cluster", new GkeCluster.Args(s.gcp().orElseThrow().project(), s.gcp().orElseThrow().region(),
                    s.newCluster().orElseThrow(), s.nodePools(), network, com.pulumi.core.Output.of(PROJECT_NUMBER)), null);
        });
    }

    @Test
    void clusterIsZonalOnTheConfiguredReleaseChannelWithWorkloadIdentityAndShieldedNodes() {
        Registered cluster = run(TestSettings.of("dev")).one("gcp:container/cluster:Cluster");
        assertEquals("europe-west1-b", cluster.string("location"));
        assertEquals("REGULAR", cluster.string("releaseChannel.channel"));
        assertEquals("acme-argo-dev.svc.id.goog", cluster.string("workloadIdentityConfig.workloadPool"));
        assertEquals(Boolean.TRUE, cluster.input("enableShieldedNodes"));
        assertEquals(Boolean.FALSE, cluster.input("enableLegacyAbac"));
        assertEquals(Boolean.FALSE, cluster.input("masterAuth.clientCertificateConfig.issueClientCertificate"));
        assertEquals(Boolean.TRUE, cluster.input("removeDefaultNodePool"));
    }

    /**
     * GKE docs, "Configure GKE node service accounts" (docs.cloud.google.com/kubernetes-engine/security/
     * configure-node-service-accounts): "At a minimum, these node service accounts must have the Kubernetes
     * Engine Default Node Service Account (roles/container.defaultNodeServiceAccount) role on your
     * project"; pulling the team's images from Artifact Registry needs Artifact Registry Reader.
     */
    @Test
    void nodesRunAsADedicatedServiceAccountWithOnlyNodeRoles() {
        MockCloud.Result r = run(TestSettings.of("dev"));
        Registered account = r.one("gcp:serviceaccount/account:Account");
        String email = account.string("accountId") + "@acme-argo-dev.iam.gserviceaccount.com";
        assertEquals(email, r.one("gcp:container/nodePool:NodePool").string("nodeConfig.serviceAccount"));
        assertEquals(email, r.one("gcp:container/cluster:Cluster").string("nodeConfig.serviceAccount"));
        List<String> roles = r.ofType("gcp:projects/iAMMember:IAMMember").stream().map(m -> m.string("role")).sorted().toList();
        assertEquals(List.of("roles/artifactregistry.reader", "roles/container.defaultNodeServiceAccount"), roles);
        assertTrue(r.ofType("gcp:projects/iAMMember:IAMMember").stream().allMatch(m -> ("serviceAccount:" + email).equals(m.string("member"))),
                "every project role is the nodes' own");
    }

    /**
     * A VPC-native cluster takes its pod and Service addresses from secondary ranges of its subnetwork,
     * named in ipAllocationPolicy (provider docs, google_container_cluster ip_allocation_policy:
     * "the name of the existing secondary range in the cluster's subnetwork").
     */
    @Test
    void podsAndServicesGetTheSubnetworksTwoSecondaryRanges() {
        MockCloud.Result r = run(TestSettings.of("dev"));
        Registered cluster = r.one("gcp:container/cluster:Cluster");
        Registered subnet = r.one("gcp:compute/subnetwork:Subnetwork");
        assertEquals(subnet.name() + "-id", cluster.string("subnetwork"));
        Map<Object, Object> ranges = ((List<?>) subnet.input("secondaryIpRanges")).stream().map(m -> (Map<?, ?>) m)
                .collect(java.util.stream.Collectors.toMap(m -> m.get("rangeName"), m -> m.get("ipCidrRange")));
        assertEquals("10.20.0.0/16", ranges.get(cluster.string("ipAllocationPolicy.clusterSecondaryRangeName")), "pods: " + ranges);
        assertEquals("10.30.0.0/20", ranges.get(cluster.string("ipAllocationPolicy.servicesSecondaryRangeName")), "services: " + ranges);
    }

    @Test
    void devPoolAutoscalesWithinConfiguredBoundsOnSpotVms() {
        Registered pool = run(TestSettings.of("dev")).one("gcp:container/nodePool:NodePool");
        assertEquals(1, pool.integer("autoscaling.minNodeCount"));
        assertEquals(3, pool.integer("autoscaling.maxNodeCount"));
        assertEquals(1, pool.integer("initialNodeCount"));
        assertEquals(Boolean.TRUE, pool.input("nodeConfig.spot"));
        assertEquals("GKE_METADATA", pool.string("nodeConfig.workloadMetadataConfig.mode"));
        assertEquals(Boolean.TRUE, pool.input("nodeConfig.shieldedInstanceConfig.enableSecureBoot"));
        assertNull(pool.input("nodeConfig.taints"));
    }

    @Test
    void prodWorkflowPoolScalesFromZeroAndIsTaintedForWorkflowsOnly() {
        MockCloud.Result r = run(TestSettings.of("prod"));
        Registered jobs = r.named("gcp:container/nodePool:NodePool", "cluster-jobs");
        assertEquals(0, jobs.integer("autoscaling.minNodeCount"));
        assertEquals(6, jobs.integer("autoscaling.maxNodeCount"));
        // The key workflow pods tolerate (ArgoChartRenderTest checks the rendered toleration matches);
        // renaming it would strand any toleration written for it.
        assertEquals("argo-gke/workflows", jobs.string("nodeConfig.taints[0].key"));
        assertEquals("true", jobs.string("nodeConfig.taints[0].value"));
        assertEquals("NO_SCHEDULE", jobs.string("nodeConfig.taints[0].effect"));
        Registered system = r.named("gcp:container/nodePool:NodePool", "cluster-system");
        assertEquals(Boolean.FALSE, system.input("nodeConfig.spot"));
        assertNull(system.input("nodeConfig.taints"));
    }

    @Test
    void prodClusterHasDeletionProtectionAndDevDoesNot() {
        assertEquals(Boolean.TRUE, run(TestSettings.of("prod")).one("gcp:container/cluster:Cluster").input("deletionProtection"));
        assertEquals(Boolean.FALSE, run(TestSettings.of("dev")).one("gcp:container/cluster:Cluster").input("deletionProtection"));
    }

    @Test
    void privateNodesKeepAPublicControlPlaneEndpoint() {
        Registered cluster = run(TestSettings.of("dev")).one("gcp:container/cluster:Cluster");
        assertEquals(Boolean.TRUE, cluster.input("privateClusterConfig.enablePrivateNodes"));
        assertEquals(Boolean.FALSE, cluster.input("privateClusterConfig.enablePrivateEndpoint"));
        assertFalse(cluster.inputs().containsKey("masterAuthorizedNetworksConfig"));
    }

    @Test
    void authorizedNetworksRestrictTheControlPlane() {
        Settings dev = TestSettings.of("dev");
        Settings.Cluster c = dev.newCluster().orElseThrow();
        Settings.Cluster restricted = new Settings.Cluster(c.name(), c.location(), c.releaseChannel(), c.privateNodes(),
                List.of("203.0.113.0/24"), c.deletionProtection());
        Settings s = new Settings(dev.stack(), dev.environment(), dev.gcp(), restricted, dev.nodePools(), dev.argo(),
                dev.workflows(), dev.events(), dev.edge(), dev.waivers());
        Registered cluster = run(s).one("gcp:container/cluster:Cluster");
        assertEquals("203.0.113.0/24", cluster.string("masterAuthorizedNetworksConfig.cidrBlocks[0].cidrBlock"));
    }

    /**
     * GKE docs, "Encrypt secrets at the application layer": a Cloud KMS key in the cluster's location,
     * roles/cloudkms.cryptoKeyEncrypterDecrypter on it for service-PROJECT_NUMBER@container-engine-robot,
     * and databaseEncryption {state: ENCRYPTED, keyName: the key}.
     */
    @Test
    void kubernetesSecretsAreEncryptedWithAKeyInTheClustersRegionThatOnlyGkesServiceAgentMayUse() {
        MockCloud.Result r = run(TestSettings.of("dev"));
        Registered ring = r.one("gcp:kms/keyRing:KeyRing");
        assertEquals("europe-west1", ring.string("location"), "the zonal cluster's region: Cloud KMS has no zones");
        assertEquals("acme-argo-dev", ring.string("project"));
        Registered key = r.one("gcp:kms/cryptoKey:CryptoKey");
        assertEquals(ring.name() + "-id", key.string("keyRing"), "the ring's id (the mock gives every resource <name>-id)");
        assertEquals("ENCRYPT_DECRYPT", key.string("purpose"));
        assertEquals("7776000s", key.string("rotationPeriod"), "90 days: CIS Google Cloud Platform Foundation Benchmark 1.10");
        Registered grant = r.one("gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember");
        assertEquals(key.name() + "-id", grant.string("cryptoKeyId"), "on the key only");
        assertEquals("roles/cloudkms.cryptoKeyEncrypterDecrypter", grant.string("role"));
        assertEquals("serviceAccount:service-" + PROJECT_NUMBER + "@container-engine-robot.iam.gserviceaccount.com", grant.string("member"));
        Registered cluster = r.one("gcp:container/cluster:Cluster");
        assertEquals("ENCRYPTED", cluster.string("databaseEncryption.state"));
        assertEquals(key.name() + "-id", cluster.string("databaseEncryption.keyName"));
        assertTrue(r.ofType("gcp:kms/keyRingIAMMember:KeyRingIAMMember").isEmpty(), "no access to the whole ring");
    }

    @Test
    void theKeysNamesAreLeftToPulumiSoAStackCanBeDestroyedAndCreatedAgain() {
        // Key rings and keys cannot be deleted from Cloud KMS; a fixed name would be taken forever.
        MockCloud.Result r = run(TestSettings.of("dev"));
        assertNull(r.one("gcp:kms/keyRing:KeyRing").input("name"));
        assertNull(r.one("gcp:kms/cryptoKey:CryptoKey").input("name"));
    }

    @Test
    void kubeconfigUsesTheAuthPluginAndTheClustersEndpoint() {
        String kubeconfig = KubernetesAccess.kubeconfig("argo-dev", "198.51.100.10", "Q0E=");
        assertTrue(kubeconfig.contains("server: https://198.51.100.10"));
        assertTrue(kubeconfig.contains("certificate-authority-data: Q0E="));
        assertTrue(kubeconfig.contains("command: gke-gcloud-auth-plugin"));
    }
}
