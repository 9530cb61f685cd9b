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

class DiffCommandTest {
    static final String BASE = "src/test/resources/plan/dev-base.json";
    static final String HEAD = "src/test/resources/plan/dev-head.json";

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

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTheMarkdownCommentForTwoPlans() {
        assertEquals(0, Main.run("diff", BASE, HEAD, "--format", "markdown"));
        assertTrue(out().startsWith("### Stack `dev`\n"), out());
        assertTrue(out().contains("```mermaid\nflowchart TD\n"), out());
    }

    @Test
    void samePlanTwiceIsOneLineAndExitCodeZeroEvenWithExitCode() {
        assertEquals(0, Main.run("diff", BASE, BASE, "--exit-code"));
        assertEquals(1, out().lines().count(), out());
        assertTrue(out().startsWith("No changes"), out());
    }

    @Test
    void exitCodeOneWhenAskedAndThereAreChanges() {
        assertEquals(1, Main.run("diff", "--exit-code", BASE, HEAD));
    }

    @Test
    void aBrokenPlanFileIsOneErrorLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("head.json");
        Files.writeString(broken, "{\"formatVersion\": 1, \"project\": \"argo-gke\"");
        assertEquals(2, Main.run("diff", BASE, broken.toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("error: " + broken + ":1:"), e);
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        assertEquals(2, Main.run("diff", BASE, HEAD, "--format", "html"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: Invalid value for option '--format'"));
    }
}
