package dev.argogke.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackfillNamesTest {
    static final Instant T = Instant.parse("2026-10-25T01:30:00Z");

    @Test
    void nameIsTheCronAndTheScheduledMinuteInUtc() {
        assertEquals("nightly-etl-202610250130", BackfillNames.of("nightly-etl", T));
    }

    @Test
    void longestCronNameArgoAllowsIsShortenedWithAHashToFitSixtyThreeCharacters() {
        String cron52 = "ledger-".repeat(7) + "abc";
        String other52 = "ledger-".repeat(7) + "abd";
        assertEquals(52, cron52.length());

        String name = BackfillNames.of(cron52, T);

        assertEquals(63, name.length());
        assertTrue(name.endsWith("-202610250130"), name);
        assertEquals(name, BackfillNames.of(cron52, T));
        assertNotEquals(name, BackfillNames.of(other52, T));
    }
}
