package dev.argogke.plan;

import static dev.argogke.plan.ResourceTypes.BUCKET;
import static dev.argogke.plan.ResourceTypes.CLUSTER;
import static dev.argogke.plan.ResourceTypes.GLOBAL_ADDRESS;
import static dev.argogke.plan.ResourceTypes.INGRESS;
import static dev.argogke.plan.ResourceTypes.MANAGED_ZONE;
import static dev.argogke.plan.ResourceTypes.NODE_POOL;
import static dev.argogke.plan.ResourceTypes.ROUTER;
import static dev.argogke.plan.ResourceTypes.ROUTER_NAT;

import dev.argogke.tree.Tree;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a plan costs per month at list prices: the GKE cluster fee and its free-tier credit, node
 * pools at their minimum size with their boot disks, the load balancer's forwarding rules, static
 * IPs, Cloud DNS zones, Cloud NAT and buckets, with Cloud Composer's smallest environment beside it.
 *
 * <p>A line whose price the price file cannot give (a machine type or region it does not list) has
 * no amount and says why; the total then covers only the known lines and is marked incomplete.
 *
 * @param stack      the plan's stack
 * @param lines      one per priced thing, amounts rounded to cents; the total is their sum
 * @param notes      what the estimate assumes or leaves out
 * @param composer   Cloud Composer's smallest environment per month, for comparison (not in the total)
 * @param pricesTaken the date of the prices used
 */
public record CostEstimate(String stack, List<Line> lines, List<String> notes, BigDecimal composer, String pricesTaken) {

    /**
     * One line of the estimate.
     *
     * @param key     stable across plans (for the diff's cost delta): {@code pool:<urn>}, {@code lb}, ...
     * @param item    what is paid for, e.g. "Node pool argo-dev-default"
     * @param detail  how the amount is made up, or why it is unknown
     * @param monthly USD per month, or null when unknown
     */
    public record Line(String key, String item, String detail, BigDecimal monthly) {
        public boolean known() {
            return monthly != null;
        }
    }


    private static final Pattern ZONE = Pattern.compile("([a-z]+-[a-z]+\\d+)-[a-z]");
    private static final Pattern REGION = Pattern.compile("[a-z]+-[a-z]+\\d+");
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,12})(\\.[0-9]{1,9})?s");
    private static final String CRYPTO_KEY = "gcp:kms/cryptoKey:CryptoKey";
    private static final String AUDIT_CONFIG = "gcp:projects/iAMAuditConfig:IAMAuditConfig";
    /** GKE's defaults when a pool does not say (GKE docs: node pools; gcloud container node-pools create). */
    private static final String DEFAULT_MACHINE = "e2-medium";
    private static final long DEFAULT_DISK_GB = 100;
    private static final String DEFAULT_DISK_TYPE = "pd-balanced";
    /** A regional cluster's pools run in three zones of the region unless nodeLocations says otherwise. */
    private static final int DEFAULT_REGIONAL_ZONES = 3;

    /** The sum of the known lines. */
    public BigDecimal total() {
        return lines.stream().filter(Line::known).map(Line::monthly).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** False when some line's price is unknown: the total is then a lower bound. */
    public boolean complete() {
        return lines.stream().allMatch(Line::known);
    }

    public long unknownLines() {
        return lines.stream().filter(l -> !l.known()).count();
    }

    public static CostEstimate of(PlanFile plan) {
        return of(plan, PriceBook.standard());
    }

    public static CostEstimate of(PlanFile plan, PriceBook prices) {
        return new Estimator(plan, prices).estimate();
    }

    private static final class Estimator {
        private final PlanFile plan;
        private final PriceBook prices;
        private final double hours;
        private final List<Line> lines = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        Estimator(PlanFile plan, PriceBook prices) {
            this.plan = plan;
            this.prices = prices;
            this.hours = prices.hoursPerMonth();
        }

        CostEstimate estimate() {
            clusters();
            Map<String, Integer> nodesByRegion = nodePools();
            loadBalancer();
            addresses();
            dnsZones();
            nat(nodesByRegion);
            buckets();
            kmsKeys();
            auditLogs();
            notes.add("Not included: traffic (load balancer data processing $" + money(prices.loadBalancerDataPerGb())
                    + "/GB, NAT $" + money(prices.natDataPerGb()) + "/GB, internet egress), nodes the autoscaler adds"
                    + " above the minimum while workflows run, logging and monitoring beyond their free allotments.");
            return new CostEstimate(plan.stack(), List.copyOf(lines), List.copyOf(notes),
                    cents(prices.composerSmallestPerMonth()), prices.taken());
        }

        private void clusters() {
            boolean creditUsed = false;
            for (PlanFile.Resource c : plan.resourcesOfType(CLUSTER)) {
                String location = string(c.input("location"));
                String key = "cluster:" + c.urn();
                String item = "GKE cluster " + shown(c);
                if (location == null) {
                    lines.add(unknown(key, item, "location known after deploy or not set"));
                    continue;
                }
                boolean autopilot = Boolean.TRUE.equals(c.input("enableAutopilot"));
                boolean zonal = ZONE.matcher(location).matches();
                double fee = prices.gkeClusterFeePerHour() * hours;
                lines.add(new Line(key, item, "management fee, " + (autopilot ? "Autopilot" : zonal ? "zonal" : "regional")
                        + ", " + location, cents(fee)));
                if (autopilot) {
                    lines.add(unknown("autopilot:" + c.urn(), "Autopilot pods of " + shown(c),
                            "Autopilot bills pod resource requests; not estimated"));
                }
                if ((zonal || autopilot) && !creditUsed) {
                    creditUsed = true;
                    double credit = Math.min(fee, prices.gkeFreeTierCreditPerMonth());
                    lines.add(new Line("credit", "GKE free tier credit", "covers one zonal or Autopilot cluster per"
                            + " billing account ($" + money(prices.gkeFreeTierCreditPerMonth()) + "/month)", cents(-credit)));
                    notes.add("The GKE free tier credit is per billing account: if another zonal or Autopilot cluster"
                            + " on the account already uses it, add $" + money(fee) + ".");
                } else if (!zonal && !autopilot) {
                    notes.add("Cluster " + shown(c) + " is regional: the GKE free tier credit does not apply to it.");
                }
            }
        }

        /** A pool's facts at its minimum size. */
        private record Pool(PlanFile.Resource resource, String location, String region, Integer nodes, String countDetail,
                            String machine, boolean machineDefault, boolean spot, long diskGb, String diskType,
                            boolean tainted, String unknownReason) {
        }

        private Map<String, Integer> nodePools() {
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
                    lines.add(new Line(key, item, what, cents(nodes * quote.perHour() * hours)));
                }
                nodesByRegion.merge(p.region(), nodes, Integer::sum);
                String diskKey = "disk:" + p.resource().urn();
                String diskItem = "Boot disks of " + shown(p.resource());
                String diskDetail = nodes + " × " + p.diskGb() + " GB " + p.diskType();
                var perGb = prices.diskPerGbMonth(p.diskType(), p.region());
                if (perGb.isEmpty()) {
                    lines.add(unknown(diskKey, diskItem, diskDetail + ": no " + p.diskType() + " price for region "
                            + p.region() + " in the price file"));
                } else {
                    lines.add(new Line(diskKey, diskItem, diskDetail, cents(nodes * p.diskGb() * perGb.get())));
                }
            }
            if (!pools.isEmpty()) {
                notes.add("Node pools are counted at their minimum size; each node the autoscaler adds costs its"
                        + " machine's hourly price while it runs.");
            }
            return nodesByRegion;
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
            int zones;
            String zoneWords;
            if (r.input("nodeLocations") instanceof List<?> l && !l.isEmpty()) {
                zones = l.size();
                zoneWords = zones + " zone" + (zones == 1 ? "" : "s");
            } else if (ZONE.matcher(location).matches()) {
                zones = 1;
                zoneWords = "1 zone";
            } else if (cluster != null && cluster.input("nodeLocations") instanceof List<?> l && !l.isEmpty()) {
                zones = l.size();
                zoneWords = zones + " zones (the cluster's)";
            } else {
                zones = DEFAULT_REGIONAL_ZONES;
                zoneWords = "3 zones (the default of a regional pool)";
            }
            Integer nodes;
            String detail;
            if (r.input("autoscaling") instanceof Map<?, ?>) {
                Long totalMin = number(r.input("autoscaling.totalMinNodeCount"));
                Long totalMax = number(r.input("autoscaling.totalMaxNodeCount"));
                Long min = number(r.input("autoscaling.minNodeCount"));
                Long max = number(r.input("autoscaling.maxNodeCount"));
                if (totalMin != null || totalMax != null) {
                    nodes = totalMin == null ? 0 : totalMin.intValue();
                    detail = "autoscaling " + nodes + " to " + (totalMax == null ? "?" : totalMax) + " in total";
                } else if (min != null || r.input("autoscaling.minNodeCount") == null) {
                    long perZone = min == null ? 0 : min;
                    nodes = (int) (perZone * zones);
                    detail = "autoscaling " + perZone + " to " + (max == null ? "?" : max) + " per zone × " + zoneWords;
                } else {
                    return new Pool(r, location, region, null, null, machine, machineDefault, spot, 0, "", tainted,
                            "minimum node count known after deploy");
                }
            } else {
                Long count = number(r.input("nodeCount"));
                if (count == null) {
                    count = number(r.input("initialNodeCount"));
                }
                if (count == null) {
                    return new Pool(r, location, region, null, null, machine, machineDefault, spot, 0, "", tainted,
                            "no autoscaling and no nodeCount/initialNodeCount: node count unknown");
                }
                nodes = (int) (count * zones);
                detail = "fixed " + count + " per zone × " + zoneWords;
            }
            return new Pool(r, location, region, nodes, detail, machine, machineDefault, spot,
                    diskGb == null ? DEFAULT_DISK_GB : diskGb, diskType == null ? DEFAULT_DISK_TYPE : diskType, tainted, null);
        }

        private boolean hasAny(PlanFile.Resource r, String path) {
            return r.input(path) != null;
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

        private void loadBalancer() {
            int rules = 0;
            List<String> names = new ArrayList<>();
            for (PlanFile.Resource ing : plan.resourcesOfType(INGRESS)) {
                String cls = string(ing.input("spec.ingressClassName"));
                if (cls == null) {
                    cls = annotation(ing, "kubernetes.io/ingress.class");
                }
                if (cls != null && !cls.equals("gce")) {
                    lines.add(unknown("ingress:" + ing.urn(), "Load balancer of Ingress " + shownK8s(ing),
                            "ingress class " + cls + " is not priced here"));
                    continue;
                }
                boolean https = ing.input("spec.tls") instanceof List<?> tls && !tls.isEmpty()
                        || annotation(ing, "networking.gke.io/managed-certificates") != null
                        || annotation(ing, "ingress.gcp.kubernetes.io/pre-shared-cert") != null;
                boolean http = !"false".equals(annotation(ing, "kubernetes.io/ingress.allow-http"));
                // GKE makes one forwarding rule per protocol served (GKE Ingress docs: HTTP and HTTPS).
                rules += (https ? 1 : 0) + (http ? 1 : 0);
                names.add(shownK8s(ing));
            }
            if (rules == 0) {
                return;
            }
            double perHour = prices.firstFiveForwardingRulesPerHour()
                    + Math.max(0, rules - 5) * prices.additionalForwardingRulePerHour();
            lines.add(new Line("lb", "Load balancer forwarding rules", rules + " rule" + (rules == 1 ? "" : "s")
                    + " for Ingress " + String.join(", ", names) + " (the first 5 are billed together)", cents(perHour * hours)));
        }

        private void addresses() {
            List<String> referenced = new ArrayList<>();
            for (PlanFile.Resource ing : plan.resourcesOfType(INGRESS)) {
                Object ip = Tree.at(ing.inputs(), "metadata.annotations");
                if (ip instanceof Map<?, ?> a && a.containsKey("kubernetes.io/ingress.global-static-ip-name")) {
                    Object v = a.get("kubernetes.io/ingress.global-static-ip-name");
                    referenced.add(v instanceof String s ? s : "?");
                }
            }
            for (PlanFile.Resource a : plan.resourcesOfType(GLOBAL_ADDRESS)) {
                String name = string(a.input("name"));
                String shown = name == null ? a.name() : name;
                // An annotation computed from the address's own output is unknown in the plan ("?").
                boolean inUse = referenced.contains(shown) || (name == null && !referenced.isEmpty())
                        || (referenced.contains("?") && plan.resourcesOfType(GLOBAL_ADDRESS).size() == 1);
                String key = "ip:" + a.urn();
                String item = "Global static IP " + shown;
                if (inUse) {
                    lines.add(new Line(key, item, "in use by the Ingress's forwarding rule",
                            cents(prices.staticIpInUsePerHour() * hours)));
                } else {
                    lines.add(new Line(key, item, "reserved but not used by any Ingress in the plan",
                            cents(prices.staticIpUnusedPerHour() * hours)));
                }
            }
        }

        private void dnsZones() {
            for (PlanFile.Resource z : plan.resourcesOfType(MANAGED_ZONE)) {
                String dns = string(z.input("dnsName"));
                lines.add(new Line("dns:" + z.urn(), "Cloud DNS zone " + shown(z),
                        (dns == null ? "managed zone" : dns) + " (queries $" + money(prices.dnsQueriesPerMillion())
                                + " per million, not included)", cents(prices.dnsZonePerMonth())));
            }
        }

        private void nat(Map<String, Integer> nodesByRegion) {
            for (PlanFile.Resource n : plan.resourcesOfType(ROUTER_NAT)) {
                String region = string(n.input("region"));
                if (region == null) {
                    for (PlanFile.Resource router : plan.resourcesOfType(ROUTER)) {
                        if (router.name().equals(n.input("router")) || String.valueOf(router.input("name")).equals(n.input("router"))) {
                            region = string(router.input("region"));
                        }
                    }
                }
                if (region == null && nodesByRegion.size() == 1) {
                    region = nodesByRegion.keySet().iterator().next();
                }
                String key = "nat:" + n.urn();
                String item = "Cloud NAT " + shown(n);
                if (region == null) {
                    lines.add(unknown(key, item, "region known after deploy or not set"));
                    continue;
                }
                int vms = nodesByRegion.getOrDefault(region, 0);
                double perHour = vms <= 32 ? vms * prices.natPerVmHourUpTo32() : prices.natPerHourAbove32();
                lines.add(new Line(key, item, vms + " VM" + (vms == 1 ? "" : "s") + " at minimum in " + region
                        + " (data processed $" + money(prices.natDataPerGb()) + "/GB, not included)", cents(perHour * hours)));
            }
        }

        private void buckets() {
            double gb = prices.assumedBucketGb();
            for (PlanFile.Resource b : plan.resourcesOfType(BUCKET)) {
                String location = string(b.input("location"));
                String cls = string(b.input("storageClass"));
                cls = cls == null ? "STANDARD" : cls.toUpperCase(Locale.ROOT);
                String key = "bucket:" + b.urn();
                String item = "Bucket " + shown(b);
                if (location == null) {
                    lines.add(unknown(key, item, "location known after deploy or not set"));
                    continue;
                }
                var perGb = prices.storagePerGbMonth(cls, location);
                String detail = fmtGb(gb) + " GB assumed, " + cls + ", " + location;
                if (perGb.isEmpty()) {
                    lines.add(unknown(key, item, detail + ": no " + cls + " price for " + location + " in the price file"));
                } else {
                    lines.add(new Line(key, item, detail, cents(gb * perGb.get())));
                }
            }
        }

        /**
         * A Cloud KMS key bills each active key version per month (Cloud KMS pricing). It starts with
         * one; each automatic rotation adds one, and the older ones stay active because data they
         * wrapped is still unwrapped with them.
         */
        private void kmsKeys() {
            for (PlanFile.Resource k : plan.resourcesOfType(CRYPTO_KEY)) {
                String key = "kms:" + k.urn();
                String item = "Cloud KMS key " + shown(k);
                String level = string(k.input("versionTemplate.protectionLevel"));
                if (level != null && !level.equals("SOFTWARE")) {
                    lines.add(unknown(key, item, "protection level " + level + " is not in the price file (SOFTWARE only)"));
                    continue;
                }
                int versions = Boolean.TRUE.equals(k.input("skipInitialVersionCreation")) ? 0 : 1;
                double perVersion = prices.kmsSoftwareKeyVersionPerMonth();
                String detail = versions + " active key version, SOFTWARE, $" + money(perVersion) + " a month each"
                        + rotation(string(k.input("rotationPeriod")), versions, perVersion)
                        + "; cryptographic operations $" + money(prices.kmsSoftwareOperationsPer10k()) + " per 10,000, not included";
                lines.add(new Line(key, item, detail, cents(versions * perVersion)));
            }
        }

        private static String rotation(String period, int versions, double perVersion) {
            Long seconds = period == null ? null : seconds(period);
            if (seconds == null || seconds <= 0) {
                return "";
            }
            long days = seconds / 86_400;
            long afterAYear = versions + (365L * 86_400) / seconds;
            return "; rotated every " + days + " days, each rotation adding a version: " + afterAYear + " ($"
                    + money(afterAYear * perVersion) + " a month) after a year";
        }

        /** Data Access audit logs are Cloud Logging ingestion; their volume depends on use, so only the rates are given. */
        private void auditLogs() {
            List<String> services = plan.resourcesOfType(AUDIT_CONFIG).stream()
                    .map(r -> string(r.input("service"))).filter(s -> s != null).map(s -> s.substring(0, s.indexOf('.') < 0 ? s.length() : s.indexOf('.')))
                    .toList();
            if (services.isEmpty()) {
                return;
            }
            notes.add("Data Access audit logs (" + String.join(", ", services) + ") are billed as Cloud Logging ingestion: free within"
                    + " the project's first " + fmtGb(prices.loggingFreeGibPerProjectPerMonth()) + " GiB a month (shared with all its"
                    + " other logs), then $" + money(prices.loggingIngestionPerGib()) + "/GiB. Their volume depends on how much the"
                    + " UI, the bucket and the cluster's API are used, so it is not estimated.");
        }

        private static String annotation(PlanFile.Resource r, String name) {
            Object a = Tree.at(r.inputs(), "metadata.annotations");
            return a instanceof Map<?, ?> m && m.get(name) instanceof String s ? s : null;
        }

        private static Line unknown(String key, String item, String why) {
            return new Line(key, item, "unknown: " + why, null);
        }
    }

    /** The name the cloud will show (its {@code name} input), else the Pulumi logical name. */
    private static String shown(PlanFile.Resource r) {
        return r.input("name") instanceof String s && !s.isEmpty() ? s : r.name();
    }

    private static String shownK8s(PlanFile.Resource r) {
        return r.input("metadata.name") instanceof String s && !s.isEmpty() ? s : r.name();
    }

    static String regionOf(String location) {
        Matcher z = ZONE.matcher(location);
        if (z.matches()) {
            return z.group(1);
        }
        return REGION.matcher(location).matches() ? location : null;
    }

    private static String string(Object o) {
        return o instanceof String s && !s.isEmpty() ? s : null;
    }

    /** A protobuf Duration as Google's APIs write it ({@code 7776000s}), in whole seconds; null when not one. */
    static Long seconds(String duration) {
        Matcher m = DURATION.matcher(duration);
        return m.matches() ? Long.valueOf(m.group(1)) : null;
    }

    private static Long number(Object o) {
        return o instanceof Number n ? n.longValue() : null;
    }

    static BigDecimal cents(double usd) {
        return BigDecimal.valueOf(usd).setScale(2, RoundingMode.HALF_UP);
    }

    static String money(double usd) {
        BigDecimal d = BigDecimal.valueOf(usd).stripTrailingZeros();
        return d.scale() < 2 ? d.setScale(2, RoundingMode.HALF_UP).toPlainString() : d.toPlainString();
    }

    private static String fmtGb(double gb) {
        return gb == Math.rint(gb) ? Long.toString((long) gb) : Double.toString(gb);
    }
}
