package dev.argogke.cluster;

import com.pulumi.core.Output;
import com.pulumi.gcp.compute.Router;
import com.pulumi.gcp.compute.RouterArgs;
import com.pulumi.gcp.compute.RouterNat;
import com.pulumi.gcp.compute.RouterNatArgs;
import com.pulumi.gcp.compute.Subnetwork;
import com.pulumi.gcp.compute.SubnetworkArgs;
import com.pulumi.gcp.compute.inputs.RouterNatLogConfigArgs;
import com.pulumi.gcp.compute.inputs.SubnetworkSecondaryIpRangeArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Map;
import java.util.Optional;

/**
 * A dedicated VPC-native network for the cluster: one subnetwork with secondary ranges for pods
 * and services. It does not rely on the project's default network, which org policies often
 * delete. With private nodes, Cloud NAT gives them egress (image pulls, APIs outside Google).
 */
public final class Network extends ComponentResource {
    public static final String PODS_RANGE = "pods";
    public static final String SERVICES_RANGE = "services";

    /**
     * @param nodesCidr    primary range of the subnetwork (nodes)
     * @param podsCidr     secondary range for pods
     * @param servicesCidr secondary range for services
     */
    public record Args(String project, String region, boolean privateNodes,
                       String nodesCidr, String podsCidr, String servicesCidr) {
        public static Args defaults(String project, String region, boolean privateNodes) {
            // Room for ~250 nodes, ~64k pods and ~4k services: far more than a batch cluster needs.
            return new Args(project, region, privateNodes, "10.10.0.0/24", "10.20.0.0/16", "10.30.0.0/20");
        }
    }

    private final com.pulumi.gcp.compute.Network network;
    private final Subnetwork subnetwork;
    private final Optional<RouterNat> nat;

    public Network(String name, Args args, ComponentResourceOptions options) {
        super("argo-gke:cluster:Network", name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();

        this.network = new com.pulumi.gcp.compute.Network(name, com.pulumi.gcp.compute.NetworkArgs.builder()
                .project(args.project())
                .autoCreateSubnetworks(false)
                .description("argo-gke: network of the Argo Workflows cluster")
                .build(), child);

        this.subnetwork = new Subnetwork(name, SubnetworkArgs.builder()
                .project(args.project())
                .region(args.region())
                .network(network.id())
                .ipCidrRange(args.nodesCidr())
                // Nodes without public IPs still reach Google APIs (GCS, Artifact Registry, BigQuery).
                .privateIpGoogleAccess(true)
                .secondaryIpRanges(
                        SubnetworkSecondaryIpRangeArgs.builder().rangeName(PODS_RANGE).ipCidrRange(args.podsCidr()).build(),
                        SubnetworkSecondaryIpRangeArgs.builder().rangeName(SERVICES_RANGE).ipCidrRange(args.servicesCidr()).build())
                .build(), child);

        if (args.privateNodes()) {
            Router router = new Router(name, RouterArgs.builder()
                    .project(args.project())
                    .region(args.region())
                    .network(network.id())
                    .build(), child);
            this.nat = Optional.of(new RouterNat(name, RouterNatArgs.builder()
                    .project(args.project())
                    .region(args.region())
                    .router(router.name())
                    .natIpAllocateOption("AUTO_ONLY")
                    .sourceSubnetworkIpRangesToNat("ALL_SUBNETWORKS_ALL_IP_RANGES")
                    .logConfig(RouterNatLogConfigArgs.builder().enable(true).filter("ERRORS_ONLY").build())
                    .build(), child));
        } else {
            this.nat = Optional.empty();
        }

        registerOutputs(Map.of(
                "network", network.id(),
                "subnetwork", subnetwork.id(),
                "nat", nat.map(RouterNat::name).orElse(Output.of(""))));
    }

    public com.pulumi.gcp.compute.Network network() {
        return network;
    }

    public Subnetwork subnetwork() {
        return subnetwork;
    }

    public Optional<RouterNat> nat() {
        return nat;
    }
}
