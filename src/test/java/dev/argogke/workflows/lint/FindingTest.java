package dev.argogke.workflows.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingTest {
    @TempDir
    Path dir;

    @Test
    void aLineBreakInWhatTheFileSaysIsShownEscapedSoAFindingStaysOneLine() throws Exception {
        Path file = dir.resolve("odd.yaml");
        Files.writeString(file, "apiVersion: argoproj.io/v1alpha1\nkind: \"Config\\nMap\"\nmetadata:\n  name: x\n");
        LintReport report = Linter.lint(List.of(file));
        assertEquals(1, report.findings().size(), report.findings().toString());
        String line = report.findings().get(0).format();
        assertEquals(1, line.lines().count(), line);
        assertEquals(true, line.contains("Config\\nMap"), line);
    }
}
