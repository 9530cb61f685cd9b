package dev.argogke.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.argogke.testing.MockCloud;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The shipped price file ({@code src/main/resources/prices/gcp-prices.json}) against its sources:
 * the pricing pages (stored copies, not fetched live; each test names the page) and the Cloud
 * Billing Catalog as republished in Cyclenerd/google-cloud-pricing-cost-calculator's pricing.yml
 * (commit dac31281, generated 2026-08-20, per machine type and region: "hour", "hour_spot"). The
 * expected numbers are the sources', written here, not read from the file under test.
 */
class ShippedPricesTest {
    private static final PriceBook SHIPPED = PriceBook.standard();
    private static final double EXACT = 0.000_000_1;

    /** cloud.google.com/kubernetes-engine/pricing: "$0.10 per cluster per hour"; free tier "$74.40 in monthly credits". */
    @Test
    void gkesFeeAndFreeTierCredit() {
        assertEquals(0.10, SHIPPED.gkeClusterFeePerHour(), EXACT);
        assertEquals(74.40, SHIPPED.gkeFreeTierCreditPerMonth(), EXACT);
    }

    /**
     * cloud.google.com/nat/pricing: up to 32 VMs "$0.0014 * the number of VM instances that are using
     * the gateway" an hour, more than 32 "$0.044", "$0.045" per GiB processed; and the page's own
     * example: 14 VMs for 720 hours and 100 GiB processed cost $18.61.
     */
    @Test
    void cloudNatsRatesGiveThePagesExample() {
        assertEquals(0.0014, SHIPPED.natPerVmHourUpTo32(), EXACT);
        assertEquals(0.044, SHIPPED.natPerHourAbove32(), EXACT);
        assertEquals(0.045, SHIPPED.natDataPerGb(), EXACT);
        double example = SHIPPED.natPerVmHourUpTo32() * 14 * 720 + 100 * SHIPPED.natDataPerGb();
        assertEquals(new BigDecimal("18.61"), BigDecimal.valueOf(example).setScale(2, RoundingMode.HALF_UP));
    }

    /**
     * cloud.google.com/load-balancing/pricing, global forwarding rules: "First 5 forwarding rules $0.025
     * Per Hour", "Per additional forwarding rule $0.01 Per Hour"; data processed $0.008 per GiB.
     */
    @Test
    void forwardingRules() {
        assertEquals(0.025, SHIPPED.firstFiveForwardingRulesPerHour(), EXACT);
        assertEquals(0.01, SHIPPED.additionalForwardingRulePerHour(), EXACT);
        assertEquals(0.008, SHIPPED.loadBalancerDataPerGb(), EXACT);
    }

    /**
     * cloud.google.com/pubsub/pricing: "The first 10 GiB are free. After that, the price is $40 per TiB in
     * all Google Cloud regions"; "A minimum of 1000 bytes per publish, push, or pull request is assessed".
     */
    @Test
    void pubSub() {
        assertEquals(40, SHIPPED.number("pubsub", "throughputPerTib"), EXACT);
        assertEquals(10, SHIPPED.number("pubsub", "freeGibPerMonth"), EXACT);
        assertEquals(1000, SHIPPED.number("pubsub", "minBytesPerRequest"), EXACT);
    }

    /**
     * cloud.google.com/secret-manager/pricing: active secret versions "$0.06 per version per location", access
     * operations "$0.03 per 10,000 operations"; free a month: 6 active versions, 10,000 access operations.
     */
    @Test
    void secretManager() {
        assertEquals(0.06, SHIPPED.number("secretManager", "activeVersionPerMonth"), EXACT);
        assertEquals(0.03, SHIPPED.number("secretManager", "accessesPer10k"), EXACT);
        assertEquals(6, SHIPPED.number("secretManager", "freeActiveVersions"), EXACT);
        assertEquals(10000, SHIPPED.number("secretManager", "freeAccessesPerMonth"), EXACT);
    }

    /** cloud.google.com/kms/pricing (prices effective March 17, 2025): SOFTWARE key version $0.06 a month, $0.03 per 10,000 operations. */
    @Test
    void cloudKms() {
        assertEquals(0.06, SHIPPED.kmsSoftwareKeyVersionPerMonth(), EXACT);
        assertEquals(0.03, SHIPPED.kmsSoftwareOperationsPer10k(), EXACT);
    }

    /** cloud.google.com/stackdriver/pricing, Cloud Logging: storage "$0.50/GiB", "First 50 GiB/project/month" free. */
    @Test
    void cloudLogging() {
        assertEquals(0.50, SHIPPED.loggingIngestionPerGib(), EXACT);
        assertEquals(50, SHIPPED.loggingFreeGibPerProjectPerMonth(), EXACT);
    }

    /** cloud.google.com/nat/pricing, Public NAT: "$0.005" an hour for each external IP address used by a NAT gateway. */
    @Test
    void aNatGatewaysExternalAddress() {
        assertEquals(0.005, SHIPPED.natExternalIpPerHour(), EXACT);
    }

    /**
     * pricing.yml 2026-08-20, europe-west1: e2-small hour 0.018428865, hour_spot 0.010333; e2-standard-4
     * hour 0.14743092, hour_spot 0.082664; e2-medium hour_spot 0.020666. us-central1: e2-small
     * hour_spot 0.010053, e2-standard-2 hour 0.06701142, hour_spot 0.040212. europe-north1: e2-small
     * hour_spot 0.004647. Spot is the region's own price, not a fraction of on-demand.
     */
    @Test
    void e2MachinesCostTheCatalogsPricePerRegionOnDemandAndSpot() {
        assertEquals(0.018428865, SHIPPED.machine("e2-small", "europe-west1", false).perHour(), EXACT);
        assertEquals(0.010333, SHIPPED.machine("e2-small", "europe-west1", true).perHour(), EXACT);
        assertEquals(0.14743092, SHIPPED.machine("e2-standard-4", "europe-west1", false).perHour(), EXACT);
        assertEquals(0.082664, SHIPPED.machine("e2-standard-4", "europe-west1", true).perHour(), EXACT);
        assertEquals(0.020666, SHIPPED.machine("e2-medium", "europe-west1", true).perHour(), EXACT);
        assertEquals(0.010053, SHIPPED.machine("e2-small", "us-central1", true).perHour(), EXACT);
        assertEquals(0.06701142, SHIPPED.machine("e2-standard-2", "us-central1", false).perHour(), EXACT);
        assertEquals(0.040212, SHIPPED.machine("e2-standard-2", "us-central1", true).perHour(), EXACT);
        assertEquals(0.004647, SHIPPED.machine("e2-small", "europe-north1", true).perHour(), EXACT);
        assertEquals("2026-08-20", SHIPPED.machine("e2-small", "europe-west1", true).asOf());
    }

    /**
     * pricing.yml 2026-07-30 (the N2 rates are solved from n2-standard-2 and n2-highcpu-2, so the third
     * shape checks them): n2-highmem-2 europe-west1 hour 0.144122, hour_spot 0.031628; us-central1 hour 0.131014.
     */
    @Test
    void n2MachinesCostTheCatalogsPrice() {
        assertEquals(0.144122, SHIPPED.machine("n2-highmem-2", "europe-west1", false).perHour(), EXACT);
        assertEquals(0.031628, SHIPPED.machine("n2-highmem-2", "europe-west1", true).perHour(), EXACT);
        assertEquals(0.131014, SHIPPED.machine("n2-highmem-2", "us-central1", false).perHour(), EXACT);
        assertEquals("2026-07-30", SHIPPED.machine("n2-highmem-2", "us-central1", false).asOf());
    }

    /** cloud.google.com/composer/pricing: "Cloud Composer 3 standard milli DCU-hours $0.06 / 1,000 hour", i.e. $0.06 a DCU-hour. */
    @Test
    void composer3sDcuPrice() {
        assertEquals(0.06, SHIPPED.composerDcuHour(), EXACT);
    }

    /**
     * The committed stacks at the shipped prices, worked by hand from the sources above (730 hours):
     * dev (europe-west1-b, zonal; one e2-small spot node, 20 GB pd-standard; private nodes behind Cloud NAT):
     *   GKE fee $0.10 × 730 = $73.00, less the free tier's $73.00           =  0.00
     *   e2-small spot $0.010333 × 730 = $7.54309                          →  7.54
     *   boot disk 20 GB × $0.040 (pd-standard, pricing.yml 2026-07-30)     =  0.80
     *   2 forwarding rules, within the first 5: $0.025 × 730              = 18.25
     *   static IP in use by the forwarding rule                           =  0.00
     *   Cloud NAT, 1 VM: $0.0014 × 730 = $1.022                           →  1.02
     *   Cloud NAT's external IP: $0.005 × 730                             =  3.65
     *   bucket, 5 GB assumed × $0.020 STANDARD europe-west1               =  0.10
     *   Secrets key, 1 SOFTWARE version                                   =  0.06
     *   total                                                             = 31.42
     * prod: the same but the system pool is 1 on-demand e2-standard-2, $0.07371546 × 730 = $53.812 → 53.81,
     * with a 50 GB pd-balanced disk × $0.100 = 5.00 (the jobs pool scales from 0):
     *   53.81 + 5.00 + 18.25 + 1.02 + 3.65 + 0.10 + 0.06                  = 81.89
     */
    @Test
    void theCommittedStacksCostWhatTheSourcesGiveByHand() {
        assertEquals(new BigDecimal("31.42"), total("dev"));
        assertEquals(new BigDecimal("81.89"), total("prod"));
    }

    private static BigDecimal total(String stack) {
        CostEstimate e = CostEstimate.of(OfflinePlan.run(Path.of("."), MockCloud.stack(stack), Optional.empty()));
        assertEquals(true, e.complete(), e.lines().toString());
        return e.total();
    }
}
