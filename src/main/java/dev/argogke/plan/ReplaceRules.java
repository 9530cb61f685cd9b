package dev.argogke.plan;

import java.util.List;
import java.util.Map;

/**
 * Which property changes make Pulumi replace (delete and re-create) a resource rather than update it.
 *
 * <p>Sources: for {@code gcp:*} types, the {@code ForceNew} fields of the Terraform google
 * provider v5.0 schema, which pulumi-gcp 7.0.0 bridges (terraform-provider-google
 * google/services/container/resource_container_cluster.go, resource_container_node_pool.go,
 * node_config.go, compute/resource_compute_*.go, dns/, storage/). Note that
 * GoogleCloudPlatform/magic-modules#9575 (Dec 2023, after provider v5.0) made node pool
 * {@code machineType}, {@code diskType} and {@code diskSizeGb} updatable in place; with pulumi-gcp
 * 7.0.0 they still replace the pool. For {@code kubernetes:*} types, pulumi-kubernetes replaces an
 * object whose {@code metadata.name} or {@code metadata.namespace} changes (the API server cannot
 * rename or move an object), and a Helm release whose name or namespace changes. An IAM member
 * has no update call at all: any change replaces it.
 *
 * <p>Paths are dotted input paths with camelCase wire names; a change at a path, below it or
 * above it (a whole block added or removed) counts.
 */
public final class ReplaceRules {
    private static final Map<String, List<String>> BY_TYPE = Map.ofEntries(
            Map.entry("gcp:container/cluster:Cluster", List.of(
                    "name", "location", "project", "network", "subnetwork", "description",
                    "privateClusterConfig.enablePrivateNodes", "privateClusterConfig.masterIpv4CidrBlock",
                    "privateClusterConfig.privateEndpointSubnetwork", "ipAllocationPolicy", "clusterIpv4Cidr",
                    "initialNodeCount", "nodeConfig", "enableAutopilot", "enableKubernetesAlpha", "enableTpu",
                    "defaultMaxPodsPerNode", "networkingMode", "datapathProvider", "confidentialNodes")),
            Map.entry("gcp:container/nodePool:NodePool", List.of(
                    "name", "namePrefix", "location", "cluster", "project", "initialNodeCount", "maxPodsPerNode",
                    "placementPolicy", "networkConfig.podRange", "networkConfig.podIpv4CidrBlock",
                    "nodeConfig.machineType", "nodeConfig.diskSizeGb", "nodeConfig.diskType", "nodeConfig.spot",
                    "nodeConfig.preemptible", "nodeConfig.serviceAccount", "nodeConfig.oauthScopes",
                    "nodeConfig.metadata", "nodeConfig.minCpuPlatform", "nodeConfig.localSsdCount",
                    "nodeConfig.guestAccelerators", "nodeConfig.shieldedInstanceConfig", "nodeConfig.gcfsConfig",
                    "nodeConfig.gvnic", "nodeConfig.reservationAffinity", "nodeConfig.bootDiskKmsKey",
                    "nodeConfig.ephemeralStorageLocalSsdConfig", "nodeConfig.localNvmeSsdBlockConfig")),
            Map.entry("gcp:compute/network:Network", List.of("name", "project", "autoCreateSubnetworks", "description")),
            Map.entry("gcp:compute/subnetwork:Subnetwork", List.of("name", "project", "network", "region", "description")),
            Map.entry("gcp:compute/router:Router", List.of("name", "project", "network", "region")),
            Map.entry("gcp:compute/routerNat:RouterNat", List.of("name", "project", "router", "region")),
            Map.entry("gcp:compute/globalAddress:GlobalAddress", List.of(
                    "name", "project", "address", "addressType", "ipVersion", "purpose", "network",
                    "prefixLength", "description")),
            Map.entry("gcp:compute/address:Address", List.of(
                    "name", "project", "region", "address", "addressType", "ipVersion", "purpose", "network",
                    "subnetwork", "networkTier", "prefixLength", "description")),
            Map.entry("gcp:dns/managedZone:ManagedZone", List.of("name", "project", "dnsName", "visibility")),
            Map.entry("gcp:dns/recordSet:RecordSet", List.of("name", "project", "managedZone", "type")),
            Map.entry("gcp:storage/bucket:Bucket", List.of("name", "project", "location")),
            Map.entry("gcp:serviceaccount/account:Account", List.of("accountId", "project")),
            Map.entry("gcp:projects/service:Service", List.of("service", "project")),
            // kms/resource_kms_key_ring.go (no update at all) and resource_kms_crypto_key.go; an audit
            // config's project comes from the project IAM resources' parent schema (ForceNew).
            Map.entry("gcp:kms/keyRing:KeyRing", List.of("name", "location", "project")),
            Map.entry("gcp:kms/cryptoKey:CryptoKey", List.of("name", "keyRing", "purpose", "destroyScheduledDuration",
                    "importOnly", "cryptoKeyBackend", "versionTemplate.protectionLevel")),
            Map.entry("gcp:projects/iAMAuditConfig:IAMAuditConfig", List.of("project")),
            Map.entry("kubernetes:helm.sh/v3:Release", List.of("name", "namespace")));

    /** For every {@code kubernetes:} object (not the provider, not a Helm release). */
    private static final List<String> KUBERNETES_OBJECT = List.of("metadata.name", "metadata.namespace");

    private ReplaceRules() {
    }

    /** Whether a change at {@code path} (no list selectors; lists as {@code []}) replaces a {@code type}. */
    public static boolean replaces(String type, String path) {
        if (type.contains("IAMMember")) {
            return true;
        }
        for (String rule : rulesFor(type)) {
            if (path.equals(rule) || path.startsWith(rule + ".") || path.startsWith(rule + "[")
                    || rule.startsWith(path + ".")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> rulesFor(String type) {
        List<String> rules = BY_TYPE.get(type);
        if (rules != null) {
            return rules;
        }
        if (type.startsWith("kubernetes:") && !type.startsWith("kubernetes:helm.sh/")) {
            return KUBERNETES_OBJECT;
        }
        return List.of();
    }
}
