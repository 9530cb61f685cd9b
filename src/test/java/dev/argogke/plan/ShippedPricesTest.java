package dev.argogke.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/**
 * The shipped price file ({@code src/main/resources/prices/gcp-prices.json}) against the pricing
 * pages, where a copy of the page was read (stored copies, not fetched live; each test names the
 * page). The expected numbers are the pages', written here, not read from the file under test. The
 * other figures of the file (machine, disk, storage, DNS and address prices) were written from
 * memory, as its note says, and are not checked here.
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
}
