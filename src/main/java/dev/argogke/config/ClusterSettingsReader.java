package dev.argogke.config;

import dev.argogke.config.Settings.Cluster;
import dev.argogke.config.Settings.Environment;
import dev.argogke.config.Settings.NodePool;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code argo-gke:cluster} and {@code argo-gke:nodePools}: the GKE cluster argo-gke creates and its node pools
 * (a cluster the user already has is {@link ExistingClusters}'s).
 */
final class ClusterSettingsReader {
    static final Set<String> CLUSTER_KEYS = Set.of(
            "name", "location", "releaseChannel", "privateNodes", "authorizedNetworks", "deletionProtection", "existing");
    private static final Set<String> POOL_KEYS = Set.of(
            "name", "machineType", "minNodes", "maxNodes", "spot", "diskSizeGb", "diskType", "workflowsOnly");

    private ClusterSettingsReader() {
    }

    /** GKE release channels that pulumi-gcp 7.0.0 accepts (UNSPECIFIED means none: no auto-upgrades, not offered). */
    static final Set<String> RELEASE_CHANNELS = Set.of("RAPID", "REGULAR", "STABLE");

    static final Pattern CLUSTER_NAME = Pattern.compile("[a-z]([-a-z0-9]{0,38}[a-z0-9])?");
    static final Pattern LOCATION = Pattern.compile("[a-z]+-[a-z]+[0-9]{1,2}(-[a-z])?");
    static final Pattern POOL_NAME = Pattern.compile("[a-z]([-a-z0-9]{0,38}[a-z0-9])?");
    static final Pattern MACHINE_TYPE = Pattern.compile("[a-z][a-z0-9]*-[a-z0-9-]+");
    static final Pattern CIDR = Pattern.compile("(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])");

    static Cluster cluster(String stack, ConfigValue v, String region, Environment environment) {
        if (!v.present()) {
            v.problem("required: a mapping with at least `location` (a zone such as europe-west1-b keeps the cluster in GKE's free tier)");
            return null;
        }
        if (!v.object(CLUSTER_KEYS)) {
            return null;
        }
        ConfigValue nameValue = v.field("name");
        String name = nameValue.matching(nameValue.string(GoogleIds.fit("argo-" + stack, 40)), CLUSTER_NAME, "a cluster name (lowercase letters, digits, dashes; at most 40)");
        ConfigValue locationValue = v.field("location");
        String location = locationValue.requiredString("a zone such as " + (region == null ? "europe-west1" : region) + "-b (zonal: free tier) or the region itself (regional)");
        location = locationValue.matching(location, LOCATION, "a zone (europe-west1-b) or region (europe-west1)");
        checkInRegion(locationValue, location, region);
        ConfigValue channelValue = v.field("releaseChannel");
        String channel = channelValue.string("REGULAR").toUpperCase(Locale.ROOT);
        if ("EXTENDED".equals(channel)) {
            // GKE has it, but pulumi-gcp 7.0.0 (terraform-provider-google-beta v5.0.0,
            // resource_container_cluster.go release_channel.channel) allows only UNSPECIFIED,
            // RAPID, REGULAR and STABLE, and the preview would fail inside the provider.
            channelValue.problem("'EXTENDED' is not supported by the GCP provider argo-gke uses (pulumi-gcp 7.0.0); use STABLE, REGULAR or RAPID");
            channel = null;
        } else {
            channel = channelValue.oneOf(channel, RELEASE_CHANNELS);
        }
        boolean privateNodes = v.field("privateNodes").bool().orElse(true);
        List<String> networks = new ArrayList<>();
        for (ConfigValue n : v.field("authorizedNetworks").list()) {
            String cidr = n.matching(n.requiredString("a CIDR such as 203.0.113.0/24"), CIDR, "a CIDR such as 203.0.113.0/24");
            if (cidr != null) {
                networks.add(cidr);
            }
        }
        boolean deletionProtection = v.field("deletionProtection").bool().orElse(environment == Environment.PROD);
        return new Cluster(name, location, channel, privateNodes, networks, deletionProtection);
    }

    /** A cluster's zone or region must be in {@code gcp:region}, where the network and bucket go. */
    static void checkInRegion(ConfigValue locationValue, String location, String region) {
        if (location != null && region != null && !location.equals(region) && !location.startsWith(region + "-")) {
            locationValue.problem("'" + location + "' is not in gcp:region " + region + "; use a zone of " + region + " (e.g. " + region + "-b) or change gcp:region");
        }
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
            if (!p.present()) {
                p.problem("must be a mapping with name, machineType, minNodes, maxNodes");
                continue;
            }
            if (!p.object(POOL_KEYS)) {
                continue;
            }
            ConfigValue nameValue = p.field("name");
            String name = nameValue.matching(nameValue.requiredString("e.g. general"), POOL_NAME, "a pool name (lowercase letters, digits, dashes; at most 40)");
            if (name != null && !names.add(name)) {
                nameValue.problem("'" + name + "' is used by two pools; pool names must be unique");
            }
            ConfigValue mt = p.field("machineType");
            String machineType = mt.matching(mt.requiredString("e.g. e2-standard-2"), MACHINE_TYPE, "a machine type such as e2-standard-2");
            Integer min = p.field("minNodes").requiredInteger(0, 1000);
            Integer max = p.field("maxNodes").requiredInteger(1, 1000);
            if (min != null && max != null && max < min) {
                p.field("maxNodes").problem("must be at least minNodes (" + min + "), found " + max);
            }
            boolean spot = p.field("spot").bool().orElse(true);
            int disk = p.field("diskSizeGb").integer(10, 65536).orElse(30);
            ConfigValue dt = p.field("diskType");
            String diskType = dt.oneOf(dt.string("pd-standard"), Set.of("pd-standard", "pd-balanced", "pd-ssd"));
            boolean workflowsOnly = p.field("workflowsOnly").bool().orElse(false);
            if (name != null && machineType != null && min != null && max != null && max >= min && diskType != null) {
                pools.add(new NodePool(name, machineType, min, max, spot, disk, diskType, workflowsOnly));
            }
        }
        if (!items.isEmpty() && pools.size() == items.size() && pools.stream().allMatch(NodePool::workflowsOnly)) {
            v.problem("every pool is workflowsOnly; Argo's controller and server need one pool without the taint (set workflowsOnly: false on one)");
        }
        return pools;
    }
}
