package dev.argogke.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refreshing prices from the Cloud Billing Catalog API, offline: the pages are the hand-written
 * responses in {@code src/test/resources/plan/catalog/} (their README says what they hold and where
 * their shape and figures come from). No network.
 */
class BillingCatalogTest {
    static final Path PAGES = Path.of("src/test/resources/plan/catalog");
    static final double EXACT = 0.000_000_1;
    /** A price file with E2 and N2 in europe-west1 and pd-standard there, all at 0, dated 2000-01-01. */
    static final String OLD = """
            {"hoursPerMonth": 730, "sources": {},
             "compute": {
               "families": {
                 "e2": {"source": "old", "taken": "2000-01-01", "shapes": {"standard": {"gbPerVcpu": 4, "vcpus": [2, 4]}},
                        "regions": {"europe-west1": {"vcpuHour": 0, "gbHour": 0, "spotVcpuHour": 0, "spotGbHour": 0}}},
                 "n2": {"source": "old", "taken": "2000-01-01", "shapes": {"standard": {"gbPerVcpu": 4, "vcpus": [2]}},
                        "regions": {"europe-west1": {"vcpuHour": 0, "gbHour": 0, "spotVcpuHour": 0, "spotGbHour": 0}}}
               },
               "sharedCore": {"e2-small": {"family": "e2", "vcpus": 0.5, "gb": 2}}
             },
             "disks": {"source": "old", "taken": "2000-01-01", "perGbMonth": {"pd-standard": {"europe-west1": 0}}}}
            """;

    static BillingCatalog.Pages recorded(List<String> asked) {
        return (service, token) -> {
            asked.add(service + " " + token);
            return Files.readString(PAGES.resolve(token.isEmpty() ? "compute-skus-page1.json" : "compute-skus-page2.json"));
        };
    }

    static PriceBook refreshed(Path dir, List<String> report) throws Exception {
        Path old = dir.resolve("old.json");
        Files.writeString(old, OLD);
        BillingCatalog.Refreshed r = BillingCatalog.refresh(PriceBook.read(old), recorded(new ArrayList<>()), LocalDate.parse("2026-12-01"));
        report.addAll(r.report());
        Path out = dir.resolve("new.json");
        Files.writeString(out, new ObjectMapper().writeValueAsString(r.prices()));
        return PriceBook.read(out);
    }

    @Test
    void readsEveryPageOfComputeEnginesSkus() throws Exception {
        List<String> asked = new ArrayList<>();
        BillingCatalog.collect(recorded(asked));
        assertEquals(List.of("6F81-5844-456A ", "6F81-5844-456A page-2 token"), asked);
    }

    /**
     * The E2 core and RAM SKUs of europe-west1 give e2-small (0.5 vCPU, 2 GB) spot 0.5 × $0.01345 +
     * 2 × $0.001804 = $0.010333 an hour and e2-standard-4 on-demand 4 × $0.02399337 + 16 × $0.00321609
     * = $0.14743092: pricing.yml's own e2-small and e2-standard-4 prices of 2026-08-20.
     */
    @Test
    void e2MachinesArePricedFromTheirCoreAndRamSkusAndDatedTheDayOfTheRefresh(@TempDir Path dir) throws Exception {
        PriceBook prices = refreshed(dir, new ArrayList<>());
        assertEquals(0.010333, prices.machine("e2-small", "europe-west1", true).perHour(), EXACT);
        assertEquals(0.14743092, prices.machine("e2-standard-4", "europe-west1", false).perHour(), EXACT);
        assertEquals("2026-12-01", prices.machine("e2-small", "europe-west1", true).asOf());
        assertTrue(prices.familySource("e2").startsWith("Cloud Billing Catalog API"), prices.familySource("e2"));
    }

    @Test
    void customMachinesCommitmentsAndRegionalDisksAreNotTakenForTheFilesPrices(@TempDir Path dir) throws Exception {
        // The E2 Custom core and the 1-year commitment are $9 an hour in the pages; the regional PD $0.08.
        PriceBook prices = refreshed(dir, new ArrayList<>());
        assertEquals(2 * 0.02399337 + 8 * 0.00321609, prices.machine("e2-standard-2", "europe-west1", false).perHour(), EXACT);
        assertEquals(0.04, prices.diskPerGbMonth("pd-standard", "europe-west1").orElseThrow(), EXACT);
        assertEquals("2026-12-01", prices.taken("disks"));
    }

    @Test
    void aFamilyTheCatalogDoesNotFullyPriceKeepsItsOldPricesAndDateAndIsReported(@TempDir Path dir) throws Exception {
        List<String> report = new ArrayList<>();
        PriceBook prices = refreshed(dir, report);
        assertEquals("2000-01-01", prices.machine("n2-standard-2", "europe-west1", false).asOf());
        assertEquals(0, prices.machine("n2-standard-2", "europe-west1", false).perHour(), EXACT);
        assertTrue(report.contains("n2: not refreshed, kept the prices of 2000-01-01 (the catalog gave no europe-west1 CPU,"
                + " europe-west1 RAM, europe-west1 CPU spot, europe-west1 RAM spot)"), report.toString());
        assertTrue(report.contains("e2: refreshed in 1 region(s)"), report.toString());
        assertEquals("2000-01-01", prices.oldest(), "the freshness warning still counts from the stale family");
    }

    /** The documented request: GET .../v1/services/{service}/skus with currencyCode, pageSize, pageToken, and key= or a Bearer token. */
    @Test
    void theRequestIsTheDocumentedOneWithAKeyOrAToken() {
        HttpRequest withKey = BillingCatalog.request("6F81-5844-456A", "next token", new BillingCatalog.Credentials("k3y", null));
        assertEquals("https://cloudbilling.googleapis.com/v1/services/6F81-5844-456A/skus?currencyCode=USD&pageSize=5000"
                + "&pageToken=next+token&key=k3y", withKey.uri().toString());
        assertFalse(withKey.headers().firstValue("Authorization").isPresent());
        HttpRequest withToken = BillingCatalog.request("6F81-5844-456A", "", new BillingCatalog.Credentials(null, "ya29.t"));
        assertEquals("https://cloudbilling.googleapis.com/v1/services/6F81-5844-456A/skus?currencyCode=USD&pageSize=5000",
                withToken.uri().toString());
        assertEquals("Bearer ya29.t", withToken.headers().firstValue("Authorization").orElseThrow());
    }
}
