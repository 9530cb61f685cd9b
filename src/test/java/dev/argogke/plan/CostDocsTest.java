package dev.argogke.plan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.testing.MockCloud;
import dev.argogke.config.StackFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The cost figures the documentation states are what {@code cost} prints for the committed stacks
 * ({@link ShippedPricesTest} works those totals out by hand from the sources).
 */
class CostDocsTest {
    static CostEstimate committed(String stack) {
        return CostEstimate.of(OfflinePlan.run(Path.of("."), MockCloud.stack(stack), Optional.empty()));
    }

    @Test
    void docsCostShowsTheDevTableAndBothTotalsAsCostPrintsThem() throws IOException {
        String doc = Files.readString(Path.of("docs/cost.md"));
        CostEstimate dev = committed("dev");
        assertTrue(doc.contains(CostReport.markdown(dev).strip()), "docs/cost.md's dev table differs from:\n" + CostReport.markdown(dev));
        assertTrue(doc.contains("**$" + Show.usd(dev.total()) + "** a month for dev and **$" + Show.usd(committed("prod").total())
                + "** for prod"), doc);
        assertTrue(doc.contains("= **$" + Show.usd(dev.composer()) + "** a month"), "the Composer figure " + dev.composer());
    }

    /** Issue 16's bar for the cheapest dev recipe: under $10 a month at current list prices, and the docs say what cost prints. */
    @Test
    void theCheapestDevRecipeCostsUnderTenDollarsAndTheDocsSaySo() throws IOException {
        Path recipe = Path.of("docs/examples/Pulumi.dev-cheapest.yaml");
        CostEstimate cheapest = CostEstimate.of(OfflinePlan.run(Path.of("."), StackFile.read(recipe), Optional.empty()));
        assertTrue(cheapest.total().compareTo(new java.math.BigDecimal("10.00")) < 0, "the recipe costs " + cheapest.total());
        assertTrue(Files.readString(Path.of("docs/cost.md")).contains("comes to **$" + Show.usd(cheapest.total()) + "** a month"));
        String readme = Files.readString(Path.of("README.md")).replaceAll("\\s+", " ");
        assertTrue(readme.contains("a dev stack comes to **$" + Show.usd(cheapest.total()) + "**"), "README: the cheapest dev figure");
    }

    @Test
    void theReadmeStatesTheDevAndProdTotalsCostPrints() throws IOException {
        String readme = Files.readString(Path.of("README.md")).replaceAll("\\s+", " ");
        assertTrue(readme.contains("**$" + Show.usd(committed("dev").total()) + " a month** for the committed dev stack"), readme);
        assertTrue(readme.contains("**$" + Show.usd(committed("prod").total()) + "** for prod, at list prices of "
                + committed("dev").pricesTaken()), readme);
    }
}
