package dev.argogke.config;

import dev.argogke.config.Settings.ClusterChoice;
import dev.argogke.config.Settings.Edge;
import dev.argogke.config.Settings.ExistingGke;
import dev.argogke.config.Settings.ExistingKubeconfig;
import dev.argogke.config.Settings.NodePool;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code argo-gke:cluster.existing}: a cluster the user already has. Either a GKE cluster of
 * {@code gcp:project} by {@code name} and {@code location}, or any cluster by {@code kubeconfig}
 * (and {@code context}). argo-gke then creates no network, cluster or node pools.
 */
final class ExistingClusters {
    private static final Set<String> KEYS = Set.of("name", "location", "kubeconfig", "context");
    private static final Pattern KUBECONFIG_PATH = Pattern.compile("(~/)?[A-Za-z0-9_./@+-]{1,400}");
    private static final Pattern CONTEXT = Pattern.compile("[A-Za-z0-9_.:@/+-]{1,253}");

    private ExistingClusters() {
    }

    /** Reads {@code argo-gke:cluster} when it has {@code existing}; the other cluster keys are mistakes then. */
    static ClusterChoice read(ConfigValue cluster, Set<String> clusterKeys, String region) {
        if (!cluster.object(clusterKeys)) {
            return null;
        }
        for (String key : clusterKeys.stream().sorted().toList()) {
            if (!key.equals("existing") && cluster.field(key).present()) {
                cluster.field(key).problem("does not apply to an existing cluster (argo-gke:cluster.existing), which argo-gke leaves as it is; remove it");
            }
        }
        ConfigValue v = cluster.field("existing");
        if (!v.object(KEYS)) {
            return null;
        }
        return v.field("kubeconfig").present() ? anyCluster(v) : gke(v, region);
    }

    private static ExistingKubeconfig anyCluster(ConfigValue v) {
        for (String key : List.of("name", "location")) {
            if (v.field(key).present()) {
                v.field(key).problem("goes with a GKE cluster, not with kubeconfig: name either a kubeconfig (any cluster) or a GKE cluster's name and location");
            }
        }
        ConfigValue file = v.field("kubeconfig");
        String path = file.matching(file.requiredString(""), KUBECONFIG_PATH, "a kubeconfig file's path, e.g. ~/.kube/config");
        ConfigValue context = v.field("context");
        Optional<String> ctx = context.string().map(c -> context.matching(c, CONTEXT, "a kubeconfig context name"));
        return path == null ? null : new ExistingKubeconfig(path, ctx.filter(c -> c != null));
    }

    private static ExistingGke gke(ConfigValue v, String region) {
        if (v.field("context").present()) {
            v.field("context").problem("goes with kubeconfig; a GKE cluster is reached through gcloud's credentials");
        }
        ConfigValue nameValue = v.field("name");
        String name = nameValue.matching(nameValue.requiredString("the GKE cluster's name (or kubeconfig, for any other cluster)"),
                ClusterSettingsReader.CLUSTER_NAME, "a GKE cluster name (lowercase letters, digits, dashes; at most 40)");
        ConfigValue locationValue = v.field("location");
        String location = locationValue.matching(locationValue.requiredString("the cluster's zone or region, e.g. europe-west1-b"),
                ClusterSettingsReader.LOCATION, "a zone (europe-west1-b) or region (europe-west1)");
        ClusterSettingsReader.checkInRegion(locationValue, location, region);
        return name == null || location == null ? null : new ExistingGke(name, location);
    }

    /** An existing cluster's nodes are the user's: a node pool list is a mistake. */
    static List<NodePool> noNodePools(ConfigValue pools) {
        if (pools.present()) {
            pools.problem("argo-gke does not manage the nodes of an existing cluster (argo-gke:cluster.existing); remove it");
        }
        return List.of();
    }

    /** The public endpoint is GKE's load balancer with IAP: there is none outside Google Cloud. */
    static Optional<Edge> noEdge(ConfigValue edge) {
        if (edge.present()) {
            edge.problem("the public endpoint needs GKE (a Google load balancer with IAP); for a cluster reached by kubeconfig "
                    + "remove it and open the UI with `kubectl -n <argo namespace> port-forward svc/argo-server 2746:2746`");
        }
        return Optional.empty();
    }
}
