package dev.argogke.plan;

import static dev.argogke.plan.CostEstimate.cents;
import static dev.argogke.plan.CostEstimate.fmtGb;
import static dev.argogke.plan.CostEstimate.isZone;
import static dev.argogke.plan.CostEstimate.money;
import static dev.argogke.plan.CostEstimate.seconds;
import static dev.argogke.plan.CostEstimate.shown;
import static dev.argogke.plan.CostEstimate.shownK8s;
import static dev.argogke.plan.CostEstimate.string;
import static dev.argogke.plan.CostEstimate.unknown;
import static dev.argogke.plan.ResourceTypes.BUCKET;
import static dev.argogke.plan.ResourceTypes.CLUSTER;
import static dev.argogke.plan.ResourceTypes.GLOBAL_ADDRESS;
import static dev.argogke.plan.ResourceTypes.INGRESS;
import static dev.argogke.plan.ResourceTypes.MANAGED_ZONE;

import dev.argogke.plan.CostEstimate.Line;
import dev.argogke.tree.Tree;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prices one plan, kind of resource by kind of resource, into a {@link CostEstimate}; the node
 * pools are priced by {@link NodePoolCosts}, Cloud NAT by {@link NatCosts}.
 */
final class CostEstimator {
    private static final String CRYPTO_KEY = "gcp:kms/cryptoKey:CryptoKey";
    private static final String AUDIT_CONFIG = "gcp:projects/iAMAuditConfig:IAMAuditConfig";
    private final PlanFile plan;
    private final PriceBook prices;
    private final double hours;
    private final List<Line> lines = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    CostEstimator(PlanFile plan, PriceBook prices) {
        this.plan = plan;
        this.prices = prices;
        this.hours = prices.hoursPerMonth();
    }

    CostEstimate estimate() {
        clusters();
        Map<String, Integer> nodesByRegion = new NodePoolCosts(plan, prices, lines, notes).add();
        loadBalancer();
        addresses();
        dnsZones();
        new NatCosts(plan, prices, lines).add(nodesByRegion);
        buckets();
        new PubSubCosts(plan, prices, lines, notes).add();
        new SecretManagerCosts(plan, prices, lines, notes).add();
        kmsKeys();
        auditLogs();
        notes.add("Not included: traffic (load balancer data processing $" + money(prices.loadBalancerDataPerGb())
                + "/GB, NAT $" + money(prices.natDataPerGb()) + "/GB, internet egress), nodes the autoscaler adds"
                + " above the minimum while workflows run, logging and monitoring beyond their free allotments.");
        String oldest = prices.oldest();
        String latest = prices.taken();
        return new CostEstimate(plan.stack(), List.copyOf(lines), List.copyOf(notes), composer(),
                "$" + money(prices.composerDcuHour()) + " per DCU-hour (Cloud Composer pricing, " + prices.taken("composer")
                        + ") × " + fmtGb(prices.composerAssumedDcus()) + " DCU × " + fmtGb(hours) + " h; "
                        + prices.composerAssumedEnvironment(),
                oldest.equals(latest) ? latest : oldest + " to " + latest);
    }

    /** Cloud Composer 3's smallest environment a month: its published DCU-hour price × the DCUs the price file assumes. */
    private BigDecimal composer() {
        return cents(prices.composerDcuHour() * prices.composerAssumedDcus() * hours);
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
            boolean zonal = isZone(location);
            double fee = prices.gkeClusterFeePerHour() * hours;
            lines.add(new Line(key, item, "management fee, " + (autopilot ? "Autopilot" : zonal ? "zonal" : "regional")
                    + ", " + location, cents(fee), prices.taken("gke")));
            if (autopilot) {
                lines.add(unknown("autopilot:" + c.urn(), "Autopilot pods of " + shown(c),
                        "Autopilot bills pod resource requests; not estimated"));
            }
            if ((zonal || autopilot) && !creditUsed) {
                creditUsed = true;
                double credit = Math.min(fee, prices.gkeFreeTierCreditPerMonth());
                lines.add(new Line("credit", "GKE free tier credit", "covers one zonal or Autopilot cluster per"
                        + " billing account ($" + money(prices.gkeFreeTierCreditPerMonth()) + "/month)", cents(-credit),
                        prices.taken("gke")));
                notes.add("The GKE free tier credit is per billing account: if another zonal or Autopilot cluster"
                        + " on the account already uses it, add $" + money(fee) + ".");
            } else if (!zonal && !autopilot) {
                notes.add("Cluster " + shown(c) + " is regional: the GKE free tier credit does not apply to it.");
            }
        }
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
                + " for Ingress " + String.join(", ", names) + " (the first 5 are billed together)", cents(perHour * hours),
                prices.taken("loadBalancing")));
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
                        cents(prices.staticIpInUsePerHour() * hours), prices.taken("ipAddresses")));
            } else {
                lines.add(new Line(key, item, "reserved but not used by any Ingress in the plan",
                        cents(prices.staticIpUnusedPerHour() * hours), prices.taken("ipAddresses")));
            }
        }
    }

    private void dnsZones() {
        for (PlanFile.Resource z : plan.resourcesOfType(MANAGED_ZONE)) {
            String dns = string(z.input("dnsName"));
            lines.add(new Line("dns:" + z.urn(), "Cloud DNS zone " + shown(z),
                    (dns == null ? "managed zone" : dns) + " (queries $" + money(prices.dnsQueriesPerMillion())
                            + " per million, not included)", cents(prices.dnsZonePerMonth()), prices.taken("dns")));
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
                lines.add(new Line(key, item, detail, cents(gb * perGb.get()), prices.taken("storage")));
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
            lines.add(new Line(key, item, detail, cents(versions * perVersion), prices.taken("kms")));
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
}
