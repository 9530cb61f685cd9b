package dev.argogke.config;

import dev.argogke.config.Settings.Cluster;
import dev.argogke.config.Settings.DiskType;
import dev.argogke.config.Settings.Environment;
import dev.argogke.config.Settings.NodePool;
import dev.argogke.config.Settings.ReleaseChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code argo-gke:cluster} and {@code argo-gke:nodePools}: the GKE cluster argo-gke creates and its node pools
 * (a cluster the user already has is {@link ExistingClusters}'s).
 */
final class ClusterSettingsReader {
    private ClusterSettingsReader() {
    }

    static Cluster cluster(String stack, ConfigValue v, String region, Environment environment) {
        if (!v.present()) {
            v.problem("required: a mapping with at least `location` (a zone such as europe-west1-b keeps the cluster in GKE's free tier)");
            return null;
        }
        if (!v.object("cluster")) {
            return null;
        }
        ConfigValue nameValue = v.field(SettingsSchema.CLUSTER_NAME);
        String name = nameValue.checked(SettingsSchema.CLUSTER_NAME, nameValue.string(GoogleIds.fit("argo-" + stack, 40)));
        Location location = location(v.field(SettingsSchema.CLUSTER_LOCATION), SettingsSchema.CLUSTER_LOCATION,
                "a zone such as " + (region == null ? "europe-west1" : region) + "-b (zonal: free tier) or the region itself (regional)", region);
        ReleaseChannel channel = releaseChannel(v);
        boolean privateNodes = v.flag(SettingsSchema.PRIVATE_NODES);
        List<String> networks = new ArrayList<>();
        for (ConfigValue n : v.field(SettingsSchema.AUTHORIZED_NETWORKS).list()) {
            String cidr = n.checked(SettingsSchema.AUTHORIZED_NETWORKS, n.requiredString("a CIDR such as 203.0.113.0/24"));
            if (cidr != null) {
                networks.add(cidr);
            }
        }
        boolean deletionProtection = v.flag(SettingsSchema.DELETION_PROTECTION, environment == Environment.PROD);
        return new Cluster(name, location, channel, privateNodes, networks, deletionProtection);
    }

    private static ReleaseChannel releaseChannel(ConfigValue cluster) {
        ConfigValue channelValue = cluster.field(SettingsSchema.RELEASE_CHANNEL);
        if (channelValue.isText("EXTENDED")) {
            // GKE has it, but pulumi-gcp 7.0.0 (terraform-provider-google-beta v5.0.0,
            // resource_container_cluster.go release_channel.channel) allows only UNSPECIFIED,
            // RAPID, REGULAR and STABLE, and the preview would fail inside the provider.
            channelValue.problem("'EXTENDED' is not supported by the GCP provider argo-gke uses (pulumi-gcp 7.0.0); use STABLE, REGULAR or RAPID");
            return null;
        }
        return cluster.choice(SettingsSchema.RELEASE_CHANNEL, ReleaseChannel.class, ReleaseChannel::name);
    }

    /**
     * A required zone or region, which must be in {@code gcp:region}, where the network and bucket go.
     *
     * @param fix what to write when it is missing
     */
    static Location location(ConfigValue value, Setting setting, String fix, String region) {
        String text = value.checked(setting, value.requiredString(fix));
        if (text == null) {
            return null;
        }
        Location location = new Location(text);
        if (region != null && !location.region().equals(region)) {
            value.problem("'" + location + "' is not in gcp:region " + region + "; use a zone of " + region + " (e.g. " + region + "-b) or change gcp:region");
        }
        return location;
    }

    static List<NodePool> nodePools(ConfigValue v) {
        List<NodePool> pools = new ArrayList<>();
        if (!v.present()) {
            v.problem("required for a cluster argo-gke creates: at least one node pool, e.g. [{name: general, machineType: e2-standard-2, minNodes: 0, maxNodes: 3}]");
            return pools;
        }
        List<ConfigValue> items = v.list();
        if (v.isEmptyList()) {
            v.problem("needs at least one node pool");
        }
        Set<String> names = new HashSet<>();
        for (ConfigValue p : items) {
            NodePool pool = nodePool(p, names);
            if (pool != null) {
                pools.add(pool);
            }
        }
        if (!items.isEmpty() && pools.size() == items.size() && pools.stream().allMatch(NodePool::workflowsOnly)) {
            v.problem("every pool is workflowsOnly; Argo's controller and server need one pool without the taint (set workflowsOnly: false on one)");
        }
        return pools;
    }

    private static NodePool nodePool(ConfigValue p, Set<String> names) {
        if (!p.present()) {
            p.problem("must be a mapping with name, machineType, minNodes, maxNodes");
            return null;
        }
        if (!p.object("nodePools[]")) {
            return null;
        }
        String name = p.requiredText(SettingsSchema.POOL_NAME, "e.g. general");
        if (name != null && !names.add(name)) {
            p.field(SettingsSchema.POOL_NAME).problem("'" + name + "' is used by two pools; pool names must be unique");
        }
        String machineType = p.requiredText(SettingsSchema.MACHINE_TYPE_SETTING, "e.g. e2-standard-2");
        Optional<String> wrongType = machineType == null ? Optional.empty() : MachineTypes.problem(machineType);
        if (wrongType.isPresent()) {
            p.field(SettingsSchema.MACHINE_TYPE_SETTING).problem(wrongType.get());
            machineType = null;
        }
        Integer min = p.requiredNumber(SettingsSchema.MIN_NODES);
        Integer max = p.requiredNumber(SettingsSchema.MAX_NODES);
        if (min != null && max != null && max < min) {
            p.field(SettingsSchema.MAX_NODES).problem("must be at least minNodes (" + min + "), found " + max);
        }
        boolean spot = p.flag(SettingsSchema.SPOT);
        int disk = p.number(SettingsSchema.DISK_SIZE);
        DiskType diskType = p.choice(SettingsSchema.DISK_TYPE, DiskType.class, DiskType::value);
        boolean workflowsOnly = p.flag(SettingsSchema.WORKFLOWS_ONLY);
        boolean complete = name != null && machineType != null && min != null && max != null && max >= min && diskType != null;
        return complete ? new NodePool(name, machineType, min, max, spot, disk, diskType, workflowsOnly) : null;
    }
}
