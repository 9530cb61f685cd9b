package dev.argogke.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.testing.MockCloud;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The estimate's rules. Where a test checks a rule's arithmetic it prices the plan with
 * {@code prices-worked-example.json}: round rates invented for the tests, so each expected figure is
 * worked out by hand in a comment, independently of the price file the program ships. Where it
 * states a pricing page's own example, it writes the page's numbers, with the page, and uses the
 * shipped prices ({@link ShippedPricesTest} holds the shipped file to those pages).
 */
class CostEstimateTest {
    static final PriceBook PRICES = PriceBook.standard();
    static final PriceBook WORKED = PriceBook.read(Path.of("src/test/resources/plan/prices-worked-example.json"));
    static final double HOURS = 730;
    /** GKE pricing page (cloud.google.com/kubernetes-engine/pricing): $0.10 per cluster per hour. */
    static final double GKE_FEE_PER_HOUR = 0.10;

    static BigDecimal usd(double d) {
        return BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP);
    }

    static CostEstimate.Line line(CostEstimate e, String itemStart) {
        return e.lines().stream().filter(l -> l.item().startsWith(itemStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + itemStart + " in " + e.lines()));
    }

    static CostEstimate worked(PlanFile plan) {
        return CostEstimate.of(plan, WORKED);
    }

    static PlanFile.Builder plan() {
        return PlanFile.builder("argo-gke", "dev");
    }

    static PlanFile.Builder cluster(PlanFile.Builder b, String name, String location) {
        return b.resource("urn:cluster:" + name, ResourceTypes.CLUSTER, name, null, null, true,
                Map.of("name", name, "location", location));
    }

    static PlanFile.Builder pool(PlanFile.Builder b, String name, Map<String, ?> inputs) {
        return b.resource("urn:pool:" + name, ResourceTypes.NODE_POOL, name, null, null, true, inputs);
    }

    /**
     * GKE pricing page, "Free tier": "$74.40 in monthly credits per billing account, which is equivalent
     * to one free Autopilot or zonal Standard cluster per month" at $0.10 an hour: 730 h × $0.10 = $73.00.
     */
    @Test
    void oneZonalClusterIsCoveredByTheFreeTierCredit() {
        CostEstimate e = CostEstimate.of(cluster(plan(), "argo-dev", "us-central1-a").build());
        assertEquals(usd(GKE_FEE_PER_HOUR * HOURS), line(e, "GKE cluster argo-dev").monthly());
        assertEquals(usd(-GKE_FEE_PER_HOUR * HOURS), line(e, "GKE free tier credit").monthly());
        assertEquals(0, e.total().signum());
    }

    @Test
    void theCreditCoversNoMoreThanItsAmount() {
        // Worked example: $0.20 an hour × 730 h = $146.00, less the whole credit of $100.00 = $46.00.
        CostEstimate e = worked(cluster(plan(), "argo-dev", "us-central1-a").build());
        assertEquals(usd(146.00), line(e, "GKE cluster argo-dev").monthly());
        assertEquals(usd(-100.00), line(e, "GKE free tier credit").monthly());
        assertEquals(usd(46.00), e.total());
    }

    @Test
    void aRegionalClusterGetsNoCredit() {
        CostEstimate e = CostEstimate.of(cluster(plan(), "argo-prod", "europe-north1").build());
        assertTrue(e.lines().stream().noneMatch(l -> l.item().startsWith("GKE free tier")));
        // GKE pricing page: "Free tier credits are only applied to zonal and Autopilot clusters".
        assertEquals(usd(GKE_FEE_PER_HOUR * HOURS), e.total());
        assertTrue(e.notes().contains("Cluster argo-prod is regional: the GKE free tier credit does not apply to it."), e.notes().toString());
    }

    @Test
    void onlyOneOfTwoZonalClustersGetsTheCredit() {
        CostEstimate e = CostEstimate.of(cluster(cluster(plan(), "a", "us-east1-b"), "b", "us-east1-c").build());
        assertEquals(1, e.lines().stream().filter(l -> l.item().startsWith("GKE free tier")).count());
        assertEquals(usd(2 * GKE_FEE_PER_HOUR * HOURS - GKE_FEE_PER_HOUR * HOURS), e.total(), "the credit is per billing account");
    }

    @Test
    void aSpotPoolIsPricedAtItsMinimumSizeWithItsDisks() {
        PlanFile p = pool(cluster(plan(), "argo-dev", "us-central1-a"), "system", Map.of("location", "us-central1-a",
                "autoscaling", Map.of("minNodeCount", 2, "maxNodeCount", 4),
                "nodeConfig", Map.of("machineType", "e2-standard-2", "spot", true, "diskSizeGb", 30, "diskType", "pd-standard"))).build();
        CostEstimate e = worked(p);
        // e2-standard-2 is 2 vCPU and 8 GB; spot in us-central1: 2 × $0.005 + 8 × $0.001 = $0.018 an hour,
        // × 2 nodes × 730 h = $26.28. Disks: 2 × 30 GB × $0.05 = $3.00.
        assertEquals(usd(26.28), line(e, "Node pool system").monthly());
        assertTrue(line(e, "Node pool system").detail().startsWith("2 × e2-standard-2, spot, us-central1-a; autoscaling 2 to 4"),
                line(e, "Node pool system").detail());
        assertEquals(usd(3.00), line(e, "Boot disks of system").monthly());
    }

    @Test
    void onDemandCostsMoreThanSpotForTheSameMachine() {
        CostEstimate spot = worked(pool(plan(), "p", Map.of("location", "europe-west1-b", "autoscaling",
                Map.of("minNodeCount", 1), "nodeConfig", Map.of("machineType", "n2-standard-4", "spot", true))).build());
        CostEstimate onDemand = worked(pool(plan(), "p", Map.of("location", "europe-west1-b", "autoscaling",
                Map.of("minNodeCount", 1), "nodeConfig", Map.of("machineType", "n2-standard-4"))).build());
        // n2-standard-4, 4 vCPU and 16 GB: spot 4 × $0.01 + 16 × $0.001 = $0.056 an hour, × 730 h = $40.88;
        // on-demand 4 × $0.04 + 16 × $0.005 = $0.24 an hour, × 730 h = $175.20.
        assertEquals(usd(40.88), line(spot, "Node pool p").monthly());
        assertEquals(usd(175.20), line(onDemand, "Node pool p").monthly());
        assertTrue(line(onDemand, "Node pool p").monthly().compareTo(line(spot, "Node pool p").monthly()) > 0);
    }

    @Test
    void aRegionalPoolRunsItsMinimumInEachOfThreeZones() {
        CostEstimate e = worked(pool(cluster(plan(), "c", "us-east1"), "p", Map.of("location", "us-east1",
                "autoscaling", Map.of("minNodeCount", 1), "nodeConfig", Map.of("machineType", "e2-medium"))).build());
        // 1 node in each of 3 zones × e2-medium, a shared-core machine billed as 1 E2 vCPU and 4 GB:
        // $0.02 + 4 × $0.003 = $0.032 an hour, × 3 × 730 h = $70.08.
        assertEquals(usd(70.08), line(e, "Node pool p").monthly());
        // GKE's default boot disk is 100 GB pd-balanced: 3 × 100 GB × $0.10 = $30.00.
        assertEquals(usd(30.00), line(e, "Boot disks of p").monthly(), "GKE's default boot disk: 100 GB pd-balanced");
    }

    @Test
    void anUnknownMachineTypeIsSaidAndLeavesTheTotalIncomplete() {
        CostEstimate e = worked(pool(plan(), "p", Map.of("location", "us-central1-a",
                "autoscaling", Map.of("minNodeCount", 1), "nodeConfig", Map.of("machineType", "m3-ultramem-32"))).build());
        CostEstimate.Line l = line(e, "Node pool p");
        assertNull(l.monthly());
        assertTrue(l.detail().contains("unknown: ") && l.detail().endsWith("machine type m3-ultramem-32 is not in the price file"),
                l.detail());
        assertFalse(e.complete());
        String text = CostReport.text(e);
        assertTrue(text.contains("Total (incomplete)"), text);
        assertTrue(text.contains("≥ "), text);
    }

    @Test
    void aMachineSizeThatDoesNotExistIsUnknownRatherThanExtrapolated() {
        CostEstimate e = worked(pool(plan(), "p", Map.of("location", "us-central1-a",
                "autoscaling", Map.of("minNodeCount", 1), "nodeConfig", Map.of("machineType", "e2-standard-3"))).build());
        assertNull(line(e, "Node pool p").monthly());
    }

    @Test
    void anUnknownRegionIsSaidForMachinesAndDisks() {
        CostEstimate e = worked(pool(plan(), "p", Map.of("location", "asia-south2-a",
                "autoscaling", Map.of("minNodeCount", 1), "nodeConfig", Map.of("machineType", "e2-standard-2"))).build());
        assertTrue(line(e, "Node pool p").detail().endsWith("no E2 price for region asia-south2 in the price file"));
        assertNull(line(e, "Boot disks of p").monthly());
        assertEquals(2, e.unknownLines());
    }

    @Test
    void aFamilyNotOfferedInARegionIsUnknownThere() {
        CostEstimate e = worked(pool(plan(), "p", Map.of("location", "europe-north1-a",
                "autoscaling", Map.of("minNodeCount", 1), "nodeConfig", Map.of("machineType", "t2d-standard-2"))).build());
        assertNull(line(e, "Node pool p").monthly());
    }

    @Test
    void whenEveryUntaintedPoolScalesToZeroOneNodeIsCountedForSystemPods() {
        PlanFile p = pool(pool(plan(), "system", Map.of("location", "us-central1-a", "autoscaling", Map.of("minNodeCount", 0),
                        "nodeConfig", Map.of("machineType", "e2-medium", "spot", true))),
                "workflows", Map.of("location", "us-central1-a", "autoscaling", Map.of("minNodeCount", 2),
                        "nodeConfig", Map.of("machineType", "e2-standard-4", "spot", true,
                                "taints", List.of(Map.of("key", "workflows", "value", "true", "effect", "NO_SCHEDULE"))))).build();
        CostEstimate e = worked(p);
        // One e2-medium spot node (1 E2 vCPU, 4 GB) in us-central1: $0.005 + 4 × $0.001 = $0.009 an hour × 730 h = $6.57.
        assertEquals(usd(6.57), line(e, "Node pool system").monthly());
        assertTrue(line(e, "Node pool system").detail().contains("system pods and Argo's controller keep one node up"));
    }

    @Test
    void theLoadBalancerStaticIpDnsNatAndBucketArePriced() {
        PlanFile p = plan()
                .resource("urn:ing", ResourceTypes.INGRESS, "argo-server", null, null, true, Map.of("metadata", Map.of("annotations",
                        Map.of("kubernetes.io/ingress.class", "gce", "kubernetes.io/ingress.global-static-ip-name", "argo-ip",
                                "networking.gke.io/managed-certificates", "argo-server"))))
                .resource("urn:ip", ResourceTypes.GLOBAL_ADDRESS, "argo-ip", null, null, true, Map.of("name", "argo-ip"))
                .resource("urn:spare", ResourceTypes.GLOBAL_ADDRESS, "spare", null, null, true, Map.of("name", "spare"))
                .resource("urn:zone", ResourceTypes.MANAGED_ZONE, "zone", null, null, true, Map.of("dnsName", "example.com."))
                .resource("urn:nat", ResourceTypes.ROUTER_NAT, "nat", null, null, true, Map.of("region", "us-central1"))
                .resource("urn:pool", ResourceTypes.NODE_POOL, "p", null, null, true, Map.of("location", "us-central1-a",
                        "autoscaling", Map.of("minNodeCount", 2), "nodeConfig", Map.of("machineType", "e2-medium")))
                .resource("urn:bucket", ResourceTypes.BUCKET, "artifacts", null, null, true, Map.of("location", "US"))
                .build();
        CostEstimate e = worked(p);
        // Two rules (HTTPS, and HTTP that redirects) are within the first five, billed together: $0.03 × 730 h.
        assertEquals(usd(21.90), line(e, "Load balancer").monthly());
        assertTrue(line(e, "Load balancer").detail().startsWith("2 rules"), "HTTPS plus the HTTP rule that redirects");
        assertEquals(usd(0), line(e, "Global static IP argo-ip").monthly());
        assertEquals(usd(14.60), line(e, "Global static IP spare").monthly(), "an unused reservation is billed: $0.02 × 730 h");
        assertEquals(usd(0.50), line(e, "Cloud DNS zone").monthly());
        assertEquals(usd(2.92), line(e, "Cloud NAT").monthly(), "the pool's 2 nodes: 2 × $0.002 × 730 h");
        assertEquals(usd(0.30), line(e, "Bucket artifacts").monthly(), "10 GB assumed × $0.03 (STANDARD, US)");
        assertTrue(line(e, "Bucket artifacts").detail().startsWith("10 GB assumed"));
    }

    /** Cloud KMS pricing (cloud.google.com/kms/pricing, prices effective March 17, 2025): an active SOFTWARE key version $0.06 a month; operations $0.03 per 10,000. */
    @Test
    void aKmsKeyCostsItsActiveVersionsAndSaysHowRotationAddsMore() {
        PlanFile p = plan().resource("urn:key", "gcp:kms/cryptoKey:CryptoKey", "cluster-secrets", null, null, true,
                Map.of("rotationPeriod", "7776000s", "purpose", "ENCRYPT_DECRYPT")).build();
        CostEstimate.Line key = line(CostEstimate.of(p), "Cloud KMS key cluster-secrets");
        assertEquals(usd(0.06), key.monthly());
        // 90-day rotation: 365 / 90 = 4 rotations in a year, so 1 + 4 versions, each still decrypting what it wrapped.
        assertTrue(key.detail().contains("rotated every 90 days, each rotation adding a version: 5 ($0.30 a month) after a year"), key.detail());
        assertTrue(key.detail().contains("cryptographic operations $0.03 per 10,000, not included"), key.detail());
    }

    @Test
    void anHsmKeyIsUnknownRatherThanPricedAsSoftware() {
        PlanFile p = plan().resource("urn:key", "gcp:kms/cryptoKey:CryptoKey", "k", null, null, true,
                Map.of("versionTemplate", Map.of("algorithm", "GOOGLE_SYMMETRIC_ENCRYPTION", "protectionLevel", "HSM"))).build();
        CostEstimate e = CostEstimate.of(p);
        assertNull(line(e, "Cloud KMS key k").monthly());
        assertFalse(e.complete());
    }

    @Test
    void dataAccessAuditLogsGiveTheLoggingRatesWithoutGuessingTheirVolume() {
        PlanFile p = plan().resource("urn:a", "gcp:projects/iAMAuditConfig:IAMAuditConfig", "audit-logs-iap", null, null, true,
                Map.of("service", "iap.googleapis.com", "project", "p")).build();
        CostEstimate e = CostEstimate.of(p);
        assertTrue(e.complete(), "no line is added: the volume is unknown, the rates are a note");
        // Google Cloud Observability pricing: $0.50/GiB beyond the first 50 GiB per project per month.
        assertTrue(e.notes().stream().anyMatch(n -> n.startsWith("Data Access audit logs (iap) are billed as Cloud Logging ingestion: free within"
                + " the project's first 50 GiB a month (shared with all its other logs), then $0.50/GiB.")), e.notes().toString());
        assertTrue(CostEstimate.of(plan().build()).notes().stream().noneMatch(n -> n.startsWith("Data Access")));
    }

    @Test
    void theDevFixtureTotalIsTheSumOfItsPricedLines() {
        CostEstimate e = worked(PlanFile.read(Path.of("src/test/resources/plan/dev-base.json")));
        assertTrue(e.complete());
        // The dev fixture (a zonal cluster in europe-west1-b) at the worked example's rates:
        BigDecimal expected = usd(146.00 - 100.00)   // management fee $0.20 × 730 h, less the $100 credit
                .add(usd(6.57))                      // 1 × e2-small spot (0.5 E2 vCPU, 2 GB): (0.5 × $0.01 + 2 × $0.002) × 730 h
                .add(usd(1.00))                      // 20 GB pd-standard boot disk × $0.05
                .add(usd(21.90))                     // forwarding rules (HTTPS + redirect): $0.03 × 730 h
                .add(usd(0))                         // static IP in use
                .add(usd(1.46))                      // Cloud NAT for 1 VM (private nodes): $0.002 × 730 h
                .add(usd(7.30))                      // its one AUTO_ONLY external IP address: $0.01 × 730 h
                .add(usd(0.20))                      // 10 GB assumed, STANDARD in europe-west1 × $0.02
                .add(usd(0)).add(usd(0))             // the two Pub/Sub subscriptions (hr-exports, partner-files), throughput only
                .add(usd(0))                         // the JIRA token's one secret version, within the 6 free
                .add(usd(0.10));                     // 1 active SOFTWARE key version (the Secrets key)
        assertEquals(usd(84.53), expected, "the sum worked by hand");
        assertEquals(expected, e.total());
        assertEquals(13, e.lines().size(), e.lines().toString());
        String text = CostReport.text(e);
        assertTrue(text.contains("Total") && text.contains(Show.usd(expected)), text);
        // Composer: $0.10 a DCU-hour × 4 DCU assumed × 730 h = $292.00.
        assertTrue(text.contains("Cloud Composer 3, smallest environment") && text.contains("~292.00"), text);
    }

    @Test
    void everyPricedLineNamesTheDateOfItsPrice() {
        CostEstimate e = worked(PlanFile.read(Path.of("src/test/resources/plan/dev-base.json")));
        // Every group of the worked example is dated 2000-01-01.
        assertTrue(e.lines().stream().allMatch(l -> "2000-01-01".equals(l.asOf())), e.lines().toString());
        assertEquals("2000-01-01", e.pricesTaken());
        String text = CostReport.text(e);
        assertTrue(text.lines().filter(l -> l.matches(".*\\s-?\\d+\\.\\d\\d$") && !l.startsWith("Total") && !l.startsWith("Cloud Composer"))
                .allMatch(l -> l.contains(" 2000-01-01 ")), text);
        assertTrue(CostReport.markdown(e).contains("| Price of |"), CostReport.markdown(e));
    }

    @Test
    void aNatGatewaysExternalAddressesArePricedOnePerThousandAndEightVmsWhenGoogleAllocatesThem() {
        // Cloud NAT: each address has 64,512 ports, each VM gets 64 by default: 1,008 VMs fit one address, 1,009 need two.
        for (int[] c : new int[][] {{1008, 1}, {1009, 2}}) {
            PlanFile p = plan().resource("urn:nat", ResourceTypes.ROUTER_NAT, "nat", null, null, true,
                            Map.of("region", "us-central1", "natIpAllocateOption", "AUTO_ONLY"))
                    .resource("urn:pool", ResourceTypes.NODE_POOL, "p", null, null, true, Map.of("location", "us-central1-a",
                            "autoscaling", Map.of("minNodeCount", c[0]), "nodeConfig", Map.of("machineType", "e2-medium")))
                    .build();
            // c[1] addresses × $0.01 × 730 h.
            assertEquals(usd(c[1] * 7.30), line(worked(p), "Cloud NAT IP addresses of nat").monthly(), c[0] + " VMs");
        }
    }

    @Test
    void manuallyReservedNatAddressesAreCountedFromTheGateway() {
        PlanFile p = plan().resource("urn:nat", ResourceTypes.ROUTER_NAT, "nat", null, null, true,
                Map.of("region", "us-central1", "natIpAllocateOption", "MANUAL_ONLY", "natIps", List.of("a", "b", "c"))).build();
        // 3 addresses × $0.01 × 730 h = $21.90.
        assertEquals(usd(21.90), line(worked(p), "Cloud NAT IP addresses of nat").monthly());
    }

    @Test
    void theComposerComparisonIsItsDcuPriceTimesTheAssumedSizeAndSaysSo() {
        CostEstimate e = worked(plan().build());
        // $0.10 per DCU-hour × 4 DCU × 730 h = $292.00.
        assertEquals(usd(292.00), e.composer());
        assertTrue(CostReport.text(e).contains("Cloud Composer 3, smallest environment, for comparison: about $292.00 a month"
                + " = $0.10 per DCU-hour (Cloud Composer pricing, 2000-01-01) × 4 DCU × 730 h; a round size for the tests."),
                CostReport.text(e));
    }

    @Test
    void everyPriceGroupNamesItsSourceAndDate() {
        for (String group : List.of("gke", "disks", "loadBalancing", "ipAddresses", "dns", "nat", "storage", "composer",
                "logging", "kms")) {
            assertTrue(PRICES.source(group).matches(".+ \\(https://.+\\)"), group + ": " + PRICES.source(group));
            assertTrue(PRICES.taken(group).matches("\\d{4}-\\d{2}-\\d{2}"), group + ": " + PRICES.taken(group));
        }
        for (String family : List.of("e2", "n2", "n2d", "c3", "t2d")) {
            assertTrue(PRICES.familySource(family).matches(".+ \\(https://.+\\)"), family + ": " + PRICES.familySource(family));
        }
        assertTrue(PRICES.taken().matches("\\d{4}-\\d{2}-\\d{2}"));
    }
}
