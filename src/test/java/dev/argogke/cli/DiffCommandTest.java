package dev.argogke.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
    static final String BASE = "src/test/resources/plan/dev-base.json";
    static final String HEAD = "src/test/resources/plan/dev-head.json";

    @Test
    void printsTheMarkdownCommentForTwoPlans() {
        Cli.Run run = Cli.run("diff", BASE, HEAD, "--format", "markdown");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("### Stack `dev`\n"), run.out());
        assertTrue(run.out().contains("```mermaid\nflowchart TD\n"), run.out());
    }

    @Test
    void samePlanTwiceIsOneLineAndExitCodeZeroEvenWithExitCode() {
        Cli.Run run = Cli.run("diff", BASE, BASE, "--exit-code");
        assertEquals(0, run.exitCode());
        assertEquals(1, run.out().lines().count(), run.out());
        assertTrue(run.out().startsWith("No changes"), run.out());
    }

    @Test
    void exitCodeOneWhenAskedAndThereAreChanges() {
        assertEquals(1, Cli.run("diff", "--exit-code", BASE, HEAD).exitCode());
    }

    @Test
    void aBrokenPlanFileIsOneErrorLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("head.json");
        Files.writeString(broken, "{\"formatVersion\": 1, \"project\": \"argo-gke\"");
        Cli.Run run = Cli.run("diff", BASE, broken.toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: " + broken + ":1:"), run.err());
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        Cli.Run run = Cli.run("diff", BASE, HEAD, "--format", "html");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Invalid value for option '--format'"), run.err());
    }
}
