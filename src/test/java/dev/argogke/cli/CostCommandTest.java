package dev.argogke.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.ProjectRoot;
import dev.argogke.testing.Cli;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostCommandTest {
    static final String DEV_PLAN = "src/test/resources/plan/dev-base.json";
    /** A table row: item, detail, amount at the end of the line. */
    static final Pattern AMOUNT = Pattern.compile("^(\\S.*?)\\s{2,}.*?\\s(-?\\d+\\.\\d\\d)$");

    @Test
    void theCommittedDevStackPrintsAPerLineTableWhoseTotalAddsUp() {
        Cli.Run run = Cli.run("cost", "--stack", "dev");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Monthly cost of stack dev (USD, 730 hours a month"), run.out());
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal total = null;
        for (String line : run.out().lines().toList()) {
            if (line.startsWith("Cloud Composer")) {
                break;
            }
            Matcher m = AMOUNT.matcher(line);
            if (line.startsWith("Total")) {
                total = new BigDecimal(line.substring(line.lastIndexOf(' ') + 1));
            } else if (m.matches()) {
                sum = sum.add(new BigDecimal(m.group(2)));
            }
        }
        assertEquals(sum, total, run.out());
        assertTrue(run.out().contains("GKE cluster argo-dev"), run.out());
        assertTrue(run.out().contains("GKE free tier credit"), "dev is one zonal cluster:\n" + run.out());
        assertFalse(run.out().contains("unknown"), "every dev line has a price:\n" + run.out());
    }

    @Test
    void aPlanFileCanBePricedWithoutRunningTheProgram() {
        Cli.Run run = Cli.run("cost", "--plan", DEV_PLAN);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("Node pool general ")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("Total +\\d+\\.\\d\\d")), run.out());
    }

    @Test
    void stackAndPlanTogetherAreAUsageError() {
        assertEquals(2, Cli.run("cost", "--stack", "dev", "--plan", DEV_PLAN).exitCode());
    }

    @Test
    void failAboveExitsOneWhenTheTotalIsOverTheLimit() {
        Cli.Run over = Cli.run("cost", "--plan", DEV_PLAN, "--fail-above", "5");
        assertEquals(1, over.exitCode());
        assertTrue(over.err().contains("is above the limit of $5"), over.err());
        assertEquals(0, Cli.run("cost", "--plan", DEV_PLAN, "--fail-above", "1000").exitCode());
    }

    @Test
    void aPriceFileWithoutAFieldNamesIt(@TempDir Path dir) throws Exception {
        Path prices = dir.resolve("prices.json");
        Files.writeString(prices, "{\"hoursPerMonth\": 730}");
        Cli.Run run = Cli.run("cost", "--plan", DEV_PLAN, "--prices", prices.toString());
        assertEquals(2, run.exitCode());
        assertEquals("error: " + prices + ": gke.clusterFeePerHour must be a number\n", run.err().replace("\r", ""));
    }

    static Cli.Run on(String day, String... args) {
        return Cli.run(new Main(ProjectRoot.of(null), Clock.fixed(Instant.parse(day + "T09:00:00Z"), ZoneOffset.UTC)), args);
    }

    /** The shipped prices' oldest figures are of 2026-07-30: on 2026-11-30 that is 123 days (31 + 31 + 30 + 31). */
    @Test
    void pricesOlderThanNinetyDaysAreWarnedAboutButStillPriced() {
        Cli.Run run = on("2026-11-30", "cost", "--plan", DEV_PLAN);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("warning: the oldest prices in src/main/resources/prices/gcp-prices.json are of"
                + " 2026-07-30, 123 days before 2026-11-30 (more than 90)"), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("Total")), run.out());
        assertEquals("", on("2026-09-01", "cost", "--plan", DEV_PLAN).err(), "33 days old: no warning");
    }

    @Test
    void everyPricedLineNamesItsPricesDate() {
        Cli.Run run = on("2026-09-01", "cost", "--stack", "dev");
        List<String> priced = run.out().lines().takeWhile(l -> !l.startsWith("Total"))
                .filter(l -> AMOUNT.matcher(l).matches() && !l.startsWith("Item")).toList();
        assertFalse(priced.isEmpty(), run.out());
        assertTrue(priced.stream().allMatch(l -> l.matches(".*  20\\d\\d-\\d\\d-\\d\\d +-?\\d+\\.\\d\\d$")), run.out());
    }

    @Test
    void refreshingPricesPricesNoStack() {
        Cli.Run run = Cli.run("cost", "--stack", "dev", "--refresh-prices", "target/refreshed.json");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--refresh-prices writes a price file and prices no stack"), run.err());
    }
}
