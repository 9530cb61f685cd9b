package dev.argogke.workflows.cron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** e2e/oracles/cron-known-differences.txt, which the cron oracle reads, stays true of our code. */
class CronKnownDifferencesTest {

    @Test
    void everyDifferenceSaysWhyAndGivesAnExample() throws IOException {
        CronKnownDifferences known = CronKnownDifferences.read(CronKnownDifferences.FILE);
        assertFalse(known.entries().isEmpty());
        for (CronKnownDifferences.Entry e : known.entries()) {
            assertTrue(e.why().length() > 40, () -> e.name() + ": say why, with a source");
            assertFalse(e.examples().isEmpty(), () -> e.name() + ": give an example");
        }
    }

    @Test
    void ourCodeStillAnswersEachExampleAsTheFileSays() throws IOException {
        List<CronKnownDifferences.Entry> entries = CronKnownDifferences.read(CronKnownDifferences.FILE).entries();
        assertFalse(entries.isEmpty(), CronKnownDifferences.FILE + " lists no difference");
        for (CronKnownDifferences.Entry e : entries) {
            for (String example : e.examples()) {
                CronOracleTriple t = CronOracleTriple.ofExample(example);
                String where = e.name() + ", example " + example;
                assertTrue(e.matches("schedule", t.scheduleText()) && e.matches("zone", t.zone())
                        && e.matches("instant", t.instantText()), () -> where + ": the block's patterns do not match it");
                String java = CronOracle.answer(t);
                assertTrue(e.matches("java", java), () -> where + ": we now answer " + java);
            }
        }
    }

    @Test
    void aBlockWithAnUnknownKeyIsAnErrorNamingTheLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("known.txt");
        Files.writeString(file, "# comment\n\ndifference: x\nwhy: because\nzone: UTC\nzoen: UTC\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CronKnownDifferences.read(file));
        assertTrue(e.getMessage().startsWith(file + ":3: unknown key in 'zoen: UTC'"), e.getMessage());
    }

    @Test
    void aBlockMatchesOnlyWhatAllItsPatternsMatch(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("known.txt");
        Files.writeString(file, "difference: x\nzone: EST|MST\ngo: next\\t.*\nwhy: because\n  it is so\n");
        CronKnownDifferences known = CronKnownDifferences.read(file);
        CronOracleTriple est = CronOracleTriple.parse("0 2 * * *\tEST\t0");
        CronOracleTriple utc = CronOracleTriple.parse("0 2 * * *\tUTC\t0");
        assertEquals("because it is so", known.entries().get(0).why());
        assertTrue(known.explain(est, "next\t7200\t...", "reject\tzone\t...").isPresent());
        assertFalse(known.explain(est, "never", "reject\tzone\t...").isPresent());
        assertFalse(known.explain(utc, "next\t7200\t...", "reject\tzone\t...").isPresent());
    }
}
