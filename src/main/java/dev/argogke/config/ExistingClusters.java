package dev.argogke.config;

import dev.argogke.config.Settings.ClusterChoice;
import dev.argogke.config.Settings.Edge;
import dev.argogke.config.Settings.ExistingGke;
import dev.argogke.config.Settings.ExistingKubeconfig;
import dev.argogke.config.Settings.NodePool;
import java.util.List;
import java.util.Optional;

/**
 * {@code argo-gke:cluster.existing}: a cluster the user already has. Either a GKE cluster of
 * {@code gcp:project} by {@code name} and {@code location}, or any cluster by {@code kubeconfig}
 * (and {@code context}). argo-gke then creates no network, cluster or node pools.
 */
final class ExistingClusters {
    private ExistingClusters() {
    }

    /** Reads {@code argo-gke:cluster} when it has {@code existing}; the other cluster keys are mistakes then. */
    static ClusterChoice read(ConfigValue cluster, String region) {
        if (!cluster.object("cluster")) {
            return null;
        }
        for (String key : SettingsSchema.keysIn("cluster").stream().sorted().toList()) {
            if (!key.equals("existing") && cluster.field(key).present()) {
                cluster.field(key).problem("does not apply to an existing cluster (argo-gke:cluster.existing), which argo-gke leaves as it is; remove it");
            }
        }
        ConfigValue v = cluster.field(SettingsSchema.EXISTING);
        if (!v.object("cluster.existing")) {
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
        String path = v.requiredText(SettingsSchema.EXISTING_KUBECONFIG, "");
        Optional<String> ctx = v.optionalText(SettingsSchema.EXISTING_CONTEXT);
        return path == null ? null : new ExistingKubeconfig(path, ctx);
    }

    private static ExistingGke gke(ConfigValue v, String region) {
        if (v.field("context").present()) {
            v.field("context").problem("goes with kubeconfig; a GKE cluster is reached through gcloud's credentials");
        }
        String name = v.requiredText(SettingsSchema.EXISTING_NAME, "the GKE cluster's name (or kubeconfig, for any other cluster)");
        Location location = ClusterSettingsReader.location(v.field(SettingsSchema.EXISTING_LOCATION), SettingsSchema.EXISTING_LOCATION,
                "the cluster's zone or region, e.g. europe-west1-b", region);
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
        boolean onlyTurnedOff = edge.present() && !edge.flag(SettingsSchema.EDGE_ENABLED)
                && SettingsSchema.keysIn("edge").stream().filter(k -> edge.field(k).present()).count() == 1;
        if (edge.present() && !onlyTurnedOff) {
            edge.problem("the public endpoint needs GKE (a Google load balancer with IAP); for a cluster reached by kubeconfig "
                    + "remove it and open the UI with `kubectl -n <argo namespace> port-forward svc/argo-server 2746:2746`");
        }
        return Optional.empty();
    }
}
