package dev.argogke.workflows.cron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A thousand answers robfig/cron v3.0.1 gave (robfig-answers.tsv, recorded with e2e/oracles/cron),
 * so the unit tests hold our code to the real parser even where Go is not installed; the full
 * comparison on 100,000 fresh triples is e2e/oracles/cron.sh.
 */
class CronRobfigAnswersTest {

    @Test
    void weAnswerAsRobfigDidOrAsAKnownDifferenceSays() throws IOException {
        CronKnownDifferences known = CronKnownDifferences.read(CronKnownDifferences.FILE);
        List<String> unexplained = new ArrayList<>();
        int compared = 0;
        for (String line : lines()) {
            String[] parts = line.split("\t", 4);
            CronOracleTriple t = CronOracleTriple.parse(parts[0] + "\t" + parts[1] + "\t" + parts[2]);
            String java = CronOracle.answer(t);
            compared++;
            if (!CronOracle.same(parts[3], java) && known.explain(t, parts[3], java).isEmpty()) {
                unexplained.add(line + "  -- we say: " + java);
            }
        }
        assertEquals(1000, compared);
        assertTrue(unexplained.isEmpty(), () -> unexplained.size() + " answers differ from robfig's:\n"
                + String.join("\n", unexplained.subList(0, Math.min(20, unexplained.size()))));
    }

    private static List<String> lines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                CronRobfigAnswersTest.class.getResourceAsStream("robfig-answers.tsv"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.startsWith("#")) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }
}
