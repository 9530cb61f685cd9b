package dev.argogke.plan;

import static dev.argogke.plan.CostEstimate.cents;
import static dev.argogke.plan.CostEstimate.isZone;
import static dev.argogke.plan.CostEstimate.number;
import static dev.argogke.plan.CostEstimate.regionOf;
import static dev.argogke.plan.CostEstimate.shown;
import static dev.argogke.plan.CostEstimate.string;
import static dev.argogke.plan.CostEstimate.unknown;
import static dev.argogke.plan.ResourceTypes.CLUSTER;
import static dev.argogke.plan.ResourceTypes.NODE_POOL;

import dev.argogke.plan.CostEstimate.Line;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The lines of a plan's node pools and their boot disks, each pool at its minimum size. */
final class NodePoolCosts {
    /** GKE's defaults when a pool does not say (GKE docs: node pools; gcloud container node-pools create). */
    private static final String DEFAULT_MACHINE = "e2-medium";
    private static final long DEFAULT_DISK_GB = 100;
    private static final String DEFAULT_DISK_TYPE = "pd-balanced";
    /** A regional cluster's pools run in three zones of the region unless nodeLocations says otherwise. */
    private static final int DEFAULT_REGIONAL_ZONES = 3;
    private final PlanFile plan;
    private final PriceBook prices;
    private final double hours;
    private final List<Line> lines;
    private final List<String> notes;

    /** Adds to the estimate's {@code lines} and {@code notes}. */
    NodePoolCosts(PlanFile plan, PriceBook prices, List<Line> lines, List<String> notes) {
        this.plan = plan;
        this.prices = prices;
        this.hours = prices.hoursPerMonth();
        this.lines = lines;
        this.notes = notes;
    }

    /** A pool's facts at its minimum size. */
    private record Pool(PlanFile.Resource resource, String location, String region, Integer nodes, String countDetail,
                        String machine, boolean machineDefault, boolean spot, long diskGb, String diskType,
                        boolean tainted, String unknownReason) {
    }

    /** Adds the pools' lines; returns the nodes at minimum per region (for Cloud NAT). */
    Map<String, Integer> add() {
        List<Pool> pools = new ArrayList<>();
        for (PlanFile.Resource r : plan.resourcesOfType(NODE_POOL)) {
            pools.add(pool(r));
        }
        // With every untainted pool at minimum 0, kube-system (kube-dns, metrics) and Argo's controller
        // and server still need a node, and the cluster autoscaler does not remove a node running
        // kube-system pods without a PodDisruptionBudget (cluster-autoscaler FAQ): one node stays up.
        Pool floor = null;
        boolean untaintedRunning = pools.stream().anyMatch(p -> !p.tainted() && p.nodes() != null && p.nodes() > 0);
        if (!untaintedRunning && !pools.isEmpty()) {
            floor = pools.stream().filter(p -> !p.tainted() && p.nodes() != null).findFirst().orElse(null);
            if (floor == null) {
                notes.add("Every node pool is tainted or of unknown size: system pods need an untainted node,"
                        + " which this estimate does not count.");
            }
        }
        Map<String, Integer> nodesByRegion = new LinkedHashMap<>();
        for (Pool p : pools) {
            String key = "pool:" + p.resource().urn();
            String item = "Node pool " + shown(p.resource());
            if (p.unknownReason() != null) {
                lines.add(unknown(key, item, p.unknownReason()));
                continue;
            }
            int nodes = p == floor ? 1 : p.nodes();
            String what = nodes + " × " + p.machine() + (p.machineDefault() ? " (GKE default)" : "") + ", "
                    + (p.spot() ? "spot" : "on-demand") + ", " + p.location() + "; " + p.countDetail()
                    + (p == floor ? ", but system pods and Argo's controller keep one node up" : "");
            PriceBook.MachineQuote quote = prices.machine(p.machine(), p.region(), p.spot());
            if (!quote.known()) {
                lines.add(unknown(key, item, what + ": " + quote.unknownReason()));
            } else {
                lines.add(new Line(key, item, what, cents(nodes * quote.perHour() * hours), quote.asOf()));
            }
            nodesByRegion.merge(p.region(), nodes, Integer::sum);
            addBootDisks(p, nodes);
        }
        if (!pools.isEmpty()) {
            notes.add("Node pools are counted at their minimum size; each node the autoscaler adds costs its"
                    + " machine's hourly price while it runs.");
        }
        return nodesByRegion;
    }

    private void addBootDisks(Pool p, int nodes) {
        String diskKey = "disk:" + p.resource().urn();
        String diskItem = "Boot disks of " + shown(p.resource());
        String diskDetail = nodes + " × " + p.diskGb() + " GB " + p.diskType();
        var perGb = prices.diskPerGbMonth(p.diskType(), p.region());
        if (perGb.isEmpty()) {
            lines.add(unknown(diskKey, diskItem, diskDetail + ": no " + p.diskType() + " price for region "
                    + p.region() + " in the price file"));
        } else {
            lines.add(new Line(diskKey, diskItem, diskDetail, cents(nodes * p.diskGb() * perGb.get()), prices.taken("disks")));
        }
    }

    private Pool pool(PlanFile.Resource r) {
        PlanFile.Resource cluster = clusterOf(r);
        String location = string(r.input("location"));
        if (location == null && cluster != null) {
            location = string(cluster.input("location"));
        }
        String machine = string(r.input("nodeConfig.machineType"));
        boolean machineDefault = machine == null && !PlanValues.isUnknown(r.input("nodeConfig.machineType"));
        machine = machine == null ? DEFAULT_MACHINE : machine;
        boolean spot = Boolean.TRUE.equals(r.input("nodeConfig.spot")) || Boolean.TRUE.equals(r.input("nodeConfig.preemptible"));
        Long diskGb = number(r.input("nodeConfig.diskSizeGb"));
        String diskType = string(r.input("nodeConfig.diskType"));
        boolean tainted = r.input("nodeConfig.taints") instanceof List<?> t && !t.isEmpty();
        String region = location == null ? null : regionOf(location);
        if (region == null) {
            return new Pool(r, location, null, null, null, machine, machineDefault, spot, 0, "", tainted,
                    location == null ? "location known after deploy or not set" : "cannot tell the region of location " + location);
        }
        NodeCount count = nodeCount(r, zones(r, cluster, location));
        if (count.unknownReason() != null) {
            return new Pool(r, location, region, null, null, machine, machineDefault, spot, 0, "", tainted,
                    count.unknownReason());
        }
        return new Pool(r, location, region, count.nodes(), count.detail(), machine, machineDefault, spot,
                diskGb == null ? DEFAULT_DISK_GB : diskGb, diskType == null ? DEFAULT_DISK_TYPE : diskType, tainted, null);
    }

    /** How many zones a pool's nodes are in, and those words for the line's detail. */
    private record Zones(int count, String words) {
    }

    private static Zones zones(PlanFile.Resource r, PlanFile.Resource cluster, String location) {
        if (r.input("nodeLocations") instanceof List<?> l && !l.isEmpty()) {
            return new Zones(l.size(), l.size() + " zone" + (l.size() == 1 ? "" : "s"));
        } else if (isZone(location)) {
            return new Zones(1, "1 zone");
        } else if (cluster != null && cluster.input("nodeLocations") instanceof List<?> l && !l.isEmpty()) {
            return new Zones(l.size(), l.size() + " zones (the cluster's)");
        } else {
            return new Zones(DEFAULT_REGIONAL_ZONES, "3 zones (the default of a regional pool)");
        }
    }

    /** A pool's minimum node count and how it is made up, or why it is unknown. */
    private record NodeCount(Integer nodes, String detail, String unknownReason) {
        static NodeCount unknown(String why) {
            return new NodeCount(null, null, why);
        }
    }

    private static NodeCount nodeCount(PlanFile.Resource r, Zones zones) {
        if (r.input("autoscaling") instanceof Map<?, ?>) {
            Long totalMin = number(r.input("autoscaling.totalMinNodeCount"));
            Long totalMax = number(r.input("autoscaling.totalMaxNodeCount"));
            Long min = number(r.input("autoscaling.minNodeCount"));
            Long max = number(r.input("autoscaling.maxNodeCount"));
            if (totalMin != null || totalMax != null) {
                int nodes = totalMin == null ? 0 : totalMin.intValue();
                return new NodeCount(nodes, "autoscaling " + nodes + " to " + (totalMax == null ? "?" : totalMax) + " in total", null);
            } else if (min != null || r.input("autoscaling.minNodeCount") == null) {
                long perZone = min == null ? 0 : min;
                return new NodeCount((int) (perZone * zones.count()), "autoscaling " + perZone + " to "
                        + (max == null ? "?" : max) + " per zone × " + zones.words(), null);
            }
            return NodeCount.unknown("minimum node count known after deploy");
        }
        Long count = number(r.input("nodeCount"));
        if (count == null) {
            count = number(r.input("initialNodeCount"));
        }
        if (count == null) {
            return NodeCount.unknown("no autoscaling and no nodeCount/initialNodeCount: node count unknown");
        }
        return new NodeCount((int) (count * zones.count()), "fixed " + count + " per zone × " + zones.words(), null);
    }

    /** The pool's cluster: by the name in its {@code cluster} input, else the plan's only cluster. */
    private PlanFile.Resource clusterOf(PlanFile.Resource pool) {
        List<PlanFile.Resource> clusters = plan.resourcesOfType(CLUSTER);
        Object ref = pool.input("cluster");
        for (PlanFile.Resource c : clusters) {
            if (ref instanceof String s && (s.equals(c.input("name")) || s.equals(c.name()) || s.endsWith("/" + c.input("name")))) {
                return c;
            }
        }
        return clusters.size() == 1 ? clusters.get(0) : null;
    }
}
