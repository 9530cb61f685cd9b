package dev.argogke.plan;

/** Pulumi type tokens of the resources that plan readers (cost, policy) look for. */
public final class ResourceTypes {
    public static final String CLUSTER = "gcp:container/cluster:Cluster";
    public static final String NODE_POOL = "gcp:container/nodePool:NodePool";
    public static final String BUCKET = "gcp:storage/bucket:Bucket";
    public static final String GLOBAL_ADDRESS = "gcp:compute/globalAddress:GlobalAddress";
    public static final String MANAGED_ZONE = "gcp:dns/managedZone:ManagedZone";
    public static final String ROUTER = "gcp:compute/router:Router";
    public static final String ROUTER_NAT = "gcp:compute/routerNat:RouterNat";
    public static final String HELM_RELEASE = "kubernetes:helm.sh/v3:Release";
    public static final String SERVICE = "kubernetes:core/v1:Service";
    public static final String SECRET = "kubernetes:core/v1:Secret";
    public static final String INGRESS = "kubernetes:networking.k8s.io/v1:Ingress";

    private ResourceTypes() {
    }
}
