package dev.argogke.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostCommandTest {
    static final String DEV = "src/test/resources/plan/dev-base.json";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    @Test
    void printsAPerLineTableAndATotal() {
        assertEquals(0, Main.run("cost", "--plan", DEV));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("Monthly cost of stack dev (USD, 730 hours a month"), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("Node pool argo-dev-default ")), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("Total +\\d+\\.\\d\\d")), text);
    }

    @Test
    void failAboveExitsOneWhenTheTotalIsOverTheLimit() {
        assertEquals(1, Main.run("cost", "--plan", DEV, "--fail-above", "5"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("is above the limit of $5"));
        assertEquals(0, Main.run("cost", "--plan", DEV, "--fail-above", "1000"));
    }

    @Test
    void aPriceFileWithoutAFieldNamesIt(@TempDir Path dir) throws Exception {
        Path prices = dir.resolve("prices.json");
        Files.writeString(prices, "{\"hoursPerMonth\": 730}");
        assertEquals(2, Main.run("cost", "--plan", DEV, "--prices", prices.toString()));
        assertEquals("error: " + prices + ": gke.clusterFeePerHour must be a number\n",
                err.toString(StandardCharsets.UTF_8).replace("\r", ""));
    }
}
