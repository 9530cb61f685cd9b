package dev.argogke.plan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.testing.MockCloud;
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

    @Test
    void theReadmeStatesTheDevAndProdTotalsCostPrints() throws IOException {
        String readme = Files.readString(Path.of("README.md")).replaceAll("\\s+", " ");
        assertTrue(readme.contains("**$" + Show.usd(committed("dev").total()) + " a month** for the committed dev stack"), readme);
        assertTrue(readme.contains("**$" + Show.usd(committed("prod").total()) + "** for prod, at list prices of "
                + committed("dev").pricesTaken()), readme);
    }
}
