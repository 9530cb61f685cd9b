package dev.argogke.cluster;

import com.pulumi.core.Output;
import com.pulumi.gcp.container.Cluster;
import com.pulumi.gcp.container.ClusterArgs;
import com.pulumi.gcp.container.NodePool;
import com.pulumi.gcp.container.NodePoolArgs;
import com.pulumi.gcp.container.inputs.ClusterAddonsConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterAddonsConfigHttpLoadBalancingArgs;
import com.pulumi.gcp.container.inputs.ClusterDatabaseEncryptionArgs;
import com.pulumi.gcp.container.inputs.ClusterIpAllocationPolicyArgs;
import com.pulumi.gcp.container.inputs.ClusterMasterAuthArgs;
import com.pulumi.gcp.container.inputs.ClusterMasterAuthClientCertificateConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterMasterAuthorizedNetworksConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterMasterAuthorizedNetworksConfigCidrBlockArgs;
import com.pulumi.gcp.container.inputs.ClusterNodeConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterNodeConfigShieldedInstanceConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterNodeConfigWorkloadMetadataConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterPrivateClusterConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterReleaseChannelArgs;
import com.pulumi.gcp.container.inputs.ClusterWorkloadIdentityConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolAutoscalingArgs;
import com.pulumi.gcp.container.inputs.NodePoolManagementArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigShieldedInstanceConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigTaintArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigWorkloadMetadataConfigArgs;
import com.pulumi.gcp.projects.IAMMember;
import com.pulumi.gcp.projects.IAMMemberArgs;
import com.pulumi.gcp.serviceaccount.Account;
import com.pulumi.gcp.serviceaccount.AccountArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.argogke.config.GoogleIds;
import dev.argogke.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The GKE cluster and its autoscaling node pools.
 *
 * <p>Standard (not Autopilot) so that a pool can scale to zero between jobs and use spot VMs;
 * zonal by default, since GKE's free tier credits the fee of one zonal cluster per billing account.
 * Nodes run as a dedicated service account with only the roles nodes need, never the default
 * compute service account (which has Editor on the project).
 */
public final class GkeCluster extends ComponentResource {
    /** Taint and label that keep all but workflow pods off a workflowsOnly pool. */
    public static final String WORKFLOWS_TAINT_KEY = "argo-gke/workflows";
    public static final String POOL_LABEL = "argo-gke/pool";

    /**
     * Roles a node needs: write logs and metrics, and pull images from Artifact Registry.
     * GKE docs, "Harden your cluster's security: use least privilege service accounts".
     */
    public static final List<String> NODE_ROLES = List.of(
            "roles/container.defaultNodeServiceAccount",
            "roles/artifactregistry.reader");

    /**
     * Cluster inputs that only shape the default pool, which is removed right after creation.
     * GKE then reports the first remaining pool's config as the cluster's {@code nodeConfig}, and
     * the provider reads it back on refresh; every field of it forces a new cluster, so without
     * this a refresh would replace the cluster (e.g. {@code spot} false to true in dev):
     * hashicorp/terraform-provider-google#2115 and #3409, GoogleCloudPlatform/cloud-foundation-fabric#1275,
     * whose gke-cluster-standard module answers with {@code lifecycle.ignore_changes = [node_config]}.
     * {@code initialNodeCount} sizes only that removed pool, so a later change to it means nothing.
     */
    public static final List<String> IGNORED_AFTER_CREATE = List.of("nodeConfig", "initialNodeCount");

    private static final String MASTER_CIDR = "172.16.0.0/28";
    private static final List<String> NODE_SCOPES = List.of("https://www.googleapis.com/auth/cloud-platform");

    /**
     * @param region        the cluster's region ({@code gcp:region}), where its Secrets' key goes
     * @param projectNumber the project's number ({@link ProjectNumber}), which names GKE's service agent
     */
    public record Args(String project, String region, Settings.Cluster cluster, List<Settings.NodePool> pools, Network network,
                       Output<String> projectNumber) {
    }

    private final Cluster cluster;
    private final Account nodeServiceAccount;
    private final SecretsKey secretsKey;
    private final List<NodePool> nodePools = new ArrayList<>();

    public GkeCluster(String name, Args args, ComponentResourceOptions options) {
        super("argo-gke:cluster:GkeCluster", name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        Settings.Cluster c = args.cluster();

        this.nodeServiceAccount = new Account(name + "-nodes", AccountArgs.builder()
                .project(args.project())
                .accountId(GoogleIds.serviceAccountId(c.name() + "-nodes"))
                .displayName("GKE nodes of " + c.name() + " (argo-gke)")
                .build(), child);
        List<IAMMember> nodeRoles = new ArrayList<>();
        for (String role : NODE_ROLES) {
            nodeRoles.add(new IAMMember(name + "-nodes-" + role.substring(role.lastIndexOf('.') + 1), IAMMemberArgs.builder()
                    .project(args.project())
                    .role(role)
                    .member(nodeServiceAccount.email().applyValue(e -> "serviceAccount:" + e))
                    .build(), child));
        }

        // Created before the cluster: GKE checks at creation that its service agent may use the key.
        this.secretsKey = new SecretsKey(name + "-secrets", new SecretsKey.Args(args.project(), args.region(), args.projectNumber(),
                c.deletionProtection()), ComponentResourceOptions.builder().parent(this).build());
        List<Resource> createAfter = new ArrayList<>(nodeRoles);
        createAfter.add(secretsKey.grant());
        this.cluster = new Cluster(name, clusterArgs(args, c), CustomResourceOptions.builder()
                .parent(this)
                .dependsOn(createAfter)
                .ignoreChanges(IGNORED_AFTER_CREATE)
                .build());

        for (Settings.NodePool pool : args.pools()) {
            nodePools.add(nodePool(name, args.project(), c, pool));
        }

        registerOutputs(Map.of(
                "name", this.cluster.name(),
                "location", this.cluster.location(),
                "nodeServiceAccount", nodeServiceAccount.email()));
    }

    private ClusterArgs clusterArgs(Args args, Settings.Cluster c) {
        ClusterArgs.Builder cluster = ClusterArgs.builder()
                .project(args.project())
                .name(c.name())
                .location(c.location().value())
                .network(args.network().network().id())
                .subnetwork(args.network().subnetwork().id())
                .networkingMode("VPC_NATIVE")
                // Dataplane V2 enforces NetworkPolicies (the edge's keeps argo-server reachable from
                // the load balancer only); without it they are accepted and silently ignored. No extra
                // cost; it can only be chosen when the cluster is created.
                .datapathProvider("ADVANCED_DATAPATH")
                .ipAllocationPolicy(ClusterIpAllocationPolicyArgs.builder()
                        .clusterSecondaryRangeName(Network.PODS_RANGE)
                        .servicesSecondaryRangeName(Network.SERVICES_RANGE)
                        .build())
                // Pools are managed separately so they can change without recreating the cluster;
                // the default pool GKE insists on creating is removed right away.
                .removeDefaultNodePool(true)
                .initialNodeCount(1)
                .nodeConfig(ClusterNodeConfigArgs.builder()
                        .serviceAccount(nodeServiceAccount.email())
                        .oauthScopes(NODE_SCOPES)
                        .shieldedInstanceConfig(ClusterNodeConfigShieldedInstanceConfigArgs.builder()
                                .enableSecureBoot(true).enableIntegrityMonitoring(true).build())
                        .workloadMetadataConfig(ClusterNodeConfigWorkloadMetadataConfigArgs.builder().mode("GKE_METADATA").build())
                        .build())
                .releaseChannel(ClusterReleaseChannelArgs.builder().channel(c.releaseChannel().name()).build())
                .workloadIdentityConfig(ClusterWorkloadIdentityConfigArgs.builder()
                        .workloadPool(args.project() + ".svc.id.goog")
                        .build())
                .enableShieldedNodes(true)
                .enableLegacyAbac(false)
                .masterAuth(ClusterMasterAuthArgs.builder()
                        .clientCertificateConfig(ClusterMasterAuthClientCertificateConfigArgs.builder()
                                .issueClientCertificate(false).build())
                        .build())
                .addonsConfig(ClusterAddonsConfigArgs.builder()
                        // The GKE Ingress controller that serves the Argo UI.
                        .httpLoadBalancing(ClusterAddonsConfigHttpLoadBalancingArgs.builder().disabled(false).build())
                        .build())
                // Application-layer encryption of Kubernetes Secrets with the stack's own key (SecretsKey).
                .databaseEncryption(ClusterDatabaseEncryptionArgs.builder()
                        .state("ENCRYPTED")
                        .keyName(secretsKey.key().id())
                        .build())
                .deletionProtection(c.deletionProtection());
        controlPlaneAccess(cluster, c);
        return cluster.build();
    }

    /** Private nodes and the networks allowed to reach the control plane, as the settings ask. */
    private static void controlPlaneAccess(ClusterArgs.Builder cluster, Settings.Cluster c) {
        if (c.privateNodes()) {
            cluster.privateClusterConfig(ClusterPrivateClusterConfigArgs.builder()
                    .enablePrivateNodes(true)
                    // The control plane keeps a public endpoint so `pulumi up` and kubectl work from
                    // outside the VPC; it still requires Google credentials (and authorizedNetworks, if set).
                    .enablePrivateEndpoint(false)
                    .masterIpv4CidrBlock(MASTER_CIDR)
                    .build());
        }
        if (!c.authorizedNetworks().isEmpty()) {
            List<ClusterMasterAuthorizedNetworksConfigCidrBlockArgs> blocks = new ArrayList<>();
            for (String cidr : c.authorizedNetworks()) {
                blocks.add(ClusterMasterAuthorizedNetworksConfigCidrBlockArgs.builder().cidrBlock(cidr).displayName(cidr).build());
            }
            cluster.masterAuthorizedNetworksConfig(ClusterMasterAuthorizedNetworksConfigArgs.builder().cidrBlocks(blocks).build());
        }
    }

    private NodePool nodePool(String name, String project, Settings.Cluster c, Settings.NodePool pool) {
        NodePoolNodeConfigArgs.Builder node = NodePoolNodeConfigArgs.builder()
                .machineType(pool.machineType())
                .spot(pool.spot())
                .diskSizeGb(pool.diskSizeGb())
                .diskType(pool.diskType().value())
                .serviceAccount(nodeServiceAccount.email())
                .oauthScopes(NODE_SCOPES)
                .labels(Map.of(POOL_LABEL, pool.name()))
                .shieldedInstanceConfig(NodePoolNodeConfigShieldedInstanceConfigArgs.builder()
                        .enableSecureBoot(true).enableIntegrityMonitoring(true).build())
                // Pods see the GKE metadata server, so Workload Identity works and node credentials do not leak.
                .workloadMetadataConfig(NodePoolNodeConfigWorkloadMetadataConfigArgs.builder().mode("GKE_METADATA").build());
        if (pool.workflowsOnly()) {
            node.taints(NodePoolNodeConfigTaintArgs.builder()
                    .key(WORKFLOWS_TAINT_KEY).value("true").effect("NO_SCHEDULE").build());
        }
        return new NodePool(name + "-" + pool.name(), NodePoolArgs.builder()
                .project(project)
                .cluster(cluster.id())
                .location(c.location().value())
                .name(pool.name())
                .initialNodeCount(pool.minNodes())
                .autoscaling(NodePoolAutoscalingArgs.builder()
                        .minNodeCount(pool.minNodes())
                        .maxNodeCount(pool.maxNodes())
                        // Spot capacity comes and goes per zone; ANY takes it where it is.
                        .locationPolicy(pool.spot() ? "ANY" : "BALANCED")
                        .build())
                .management(NodePoolManagementArgs.builder().autoRepair(true).autoUpgrade(true).build())
                .nodeConfig(node.build())
                .build(), CustomResourceOptions.builder()
                .parent(this)
                // The autoscaler changes the node count; Pulumi must not fight it on the next up.
                .ignoreChanges(List.of("initialNodeCount"))
                .build());
    }

    public Cluster cluster() {
        return cluster;
    }

    public List<NodePool> nodePools() {
        return List.copyOf(nodePools);
    }

    public Account nodeServiceAccount() {
        return nodeServiceAccount;
    }

    public SecretsKey secretsKey() {
        return secretsKey;
    }

    public Output<String> name() {
        return cluster.name();
    }
}
