package dev.argogke.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.argogke.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {
    @TempDir
    Path dir;

    private static final String GOOD = """
            apiVersion: argoproj.io/v1alpha1
            kind: CronWorkflow
            metadata:
              name: nightly-etl
            spec:
              schedules: ["0 2 * * *"]
              workflowSpec:
                entrypoint: main
                templates:
                  - name: main
                    container: {image: alpine:3.20, command: [echo, hi]}
            """;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void cleanFilesExitZeroWithASummaryLine() throws IOException {
        write("good.yaml", GOOD);
        Cli.Run run = Cli.run("lint", dir.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals("lint: 1 document, 0 errors", run.out().strip());
    }

    @Test
    void findingsArePrintedOnePerLineLikeACompilerAndExitOne() throws IOException {
        Path bad = write("bad.yaml", GOOD.replace("[\"0 2 * * *\"]", "[\"0 2 * * *\", \"61 * * * *\"]")
                .replace("entrypoint: main", "entrypoint: mian"));
        Cli.Run run = Cli.run("lint", bad.toString());
        assertEquals(1, run.exitCode());
        List<String> lines = run.out().strip().lines().toList();
        assertEquals(3, lines.size(), run.out());
        assertTrue(lines.get(0).startsWith(bad + ":6:28: error: CronWorkflow/nightly-etl spec.schedules[1]: schedule \"61 * * * *\""),
                lines.get(0));
        assertTrue(lines.get(1).startsWith(bad + ":8:5: error: CronWorkflow/nightly-etl spec.workflowSpec.entrypoint: entrypoint 'mian'"),
                lines.get(1));
        assertEquals("lint: 1 document, 2 errors", lines.get(2));
    }

    @Test
    void jsonFormatGivesEveryFindingWithItsPosition() throws IOException {
        Path bad = write("bad.yaml", GOOD.replace("nightly-etl", "Nightly_ETL"));
        Cli.Run run = Cli.run("lint", "--format", "json", bad.toString());
        assertEquals(1, run.exitCode());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(1, json.get("documents").asInt());
        assertEquals(1, json.get("errors").asInt());
        JsonNode finding = json.get("findings").get(0);
        assertEquals(bad.toString(), finding.get("file").asText());
        assertEquals(4, finding.get("line").asInt());
        assertEquals(3, finding.get("column").asInt());
        assertEquals("error", finding.get("severity").asText());
        assertEquals("CronWorkflow/Nightly_ETL", finding.get("resource").asText());
        assertEquals("metadata.name", finding.get("path").asText());
        assertTrue(finding.get("message").asText().contains("DNS-1123"));
    }

    @Test
    void aMissingPathIsAUsageErrorOnOneLine() {
        Cli.Run run = Cli.run("lint", dir.resolve("nowhere").toString());
        assertEquals(2, run.exitCode());
        assertEquals("error: no such file or folder: " + dir.resolve("nowhere"), run.err().strip());
        assertFalse(run.err().contains("\tat "));
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        Cli.Run run = Cli.run("lint", "--format", "xml", dir.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--format"), run.err());
    }

    @Test
    void theRepositorysOwnWorkflowsFolderLintsClean() {
        // Run from the project root, as Maven does: the default is workflows/.
        Cli.Run run = Cli.run("lint");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().strip().endsWith(", 0 errors"), run.out());
    }
}
