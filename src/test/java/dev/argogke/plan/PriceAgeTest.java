package dev.argogke.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PriceAgeTest {
    static final PriceBook SHIPPED = PriceBook.standard();

    /** The shipped file's oldest figures are of 2026-07-30; 90 days later is 2026-10-28 (Jul 30 + 31 + 30 + 29 days). */
    @Test
    void pricesUpToNinetyDaysOldAreNotWarnedAbout() {
        assertEquals(Optional.empty(), PriceAge.warning(SHIPPED, LocalDate.parse("2026-10-28")));
    }

    @Test
    void pricesMoreThanNinetyDaysOldAreWarnedAboutWithTheirDateAndTheFix() {
        String w = PriceAge.warning(SHIPPED, LocalDate.parse("2026-10-29")).orElseThrow();
        assertTrue(w.startsWith("warning: the oldest prices in src/main/resources/prices/gcp-prices.json are of 2026-07-30,"
                + " 91 days before 2026-10-29 (more than 90)"), w);
        assertTrue(w.contains("argo-gke cost --refresh-prices FILE"), w);
    }
}
