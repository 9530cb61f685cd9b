package dev.argogke.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .github/scripts/preview-diff.sh}, what the pull-request comment's job "diff" runs: the
 * freshly built jar (the default branch's argo-gke in CI) planning two project folders that hold
 * only a pull request's {@code workflows/} and {@code stacks/}. The pull request's changes exist
 * only in those folders, so they show in the diff only if the data, not the jar's own checkout, is
 * what gets planned. Runs in {@code mvn verify}, after the jar is built (failsafe).
 */
class PreviewDiffScriptIT {
    private static final Path ROOT = Path.of(".").toAbsolutePath().normalize();
    private static final Path JAR = ROOT.resolve("target/argo-gke.jar");
    private static final Path SCRIPT = ROOT.resolve(".github/scripts/preview-diff.sh");

    record Run(int exit, String markdown, String log) {
    }

    @Test
    void aChangedScheduleAndANewStackInThePullRequestsDataShowInTheDiff(@TempDir Path tmp) throws Exception {
        Path base = data(tmp.resolve("base"));
        Path head = data(tmp.resolve("head"));
        Path nightly = head.resolve("workflows/nightly-reports.yaml");
        String before = Files.readString(nightly);
        Files.writeString(nightly, before.replace("- \"0 2 * * *\"", "- \"0 3 * * *\""));
        assertFalse(before.equals(Files.readString(nightly)), "the fixture changed");
        Files.copy(head.resolve("stacks/Pulumi.dev.yaml"), head.resolve("stacks/Pulumi.staging.yaml"));

        Run run = run(base, head, "dev", "staging");

        assertEquals(0, run.exit(), run.log());
        assertTrue(run.markdown().contains("### Stack `dev`"), run.markdown());
        assertTrue(run.markdown().contains("| `spec.schedules` | `[\"0 2 * * *\"]` | `[\"0 3 * * *\"]` |"), run.markdown());
        String staging = run.markdown().substring(run.markdown().indexOf("### Stack `staging`"));
        assertTrue(staging.contains("The base commit could not be planned for `staging`"), staging);
        assertFalse(run.markdown().contains(tmp.toString()), "no runner paths in the comment");
    }

    @Test
    void aSymbolicLinkInThePullRequestsDataIsNotFollowed(@TempDir Path tmp) throws Exception {
        Path base = data(tmp.resolve("base"));
        Path head = data(tmp.resolve("head"));
        Path secret = Files.writeString(tmp.resolve("runner-file.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: leaked-if-read}\n");
        Files.createSymbolicLink(head.resolve("workflows/x.yaml"), secret);

        Run run = run(base, head, "dev");

        assertEquals(0, run.exit(), run.log());
        assertTrue(run.markdown().contains("cannot be planned for `dev`"), run.markdown());
        assertTrue(run.markdown().contains("    workflows/x.yaml is a symbolic link"), run.markdown());
        assertFalse(run.markdown().contains("leaked-if-read") || run.log().contains("leaked-if-read"), "the link's target is never read");
    }

    @Test
    void aLintErrorInThePullRequestIsQuotedWithItsRepositoryPath(@TempDir Path tmp) throws Exception {
        Path base = data(tmp.resolve("base"));
        Path head = data(tmp.resolve("head"));
        Files.writeString(head.resolve("workflows/bad.yaml"), """
                apiVersion: argoproj.io/v1alpha1
                kind: CronWorkflow
                metadata: {name: bad}
                spec:
                  schedules: ["61 * * * *"]
                  workflowSpec: {entrypoint: main, templates: [{name: main, container: {image: "x:1"}}]}
                """);

        Run run = run(base, head, "dev");

        assertEquals(0, run.exit(), run.log());
        assertTrue(run.markdown().contains("> **The pull request's `workflows/` and `stacks/` cannot be planned for `dev`:**"), run.markdown());
        // robfig/cron: minutes are 0-59.
        assertTrue(run.markdown().contains("\n    workflows/bad.yaml:5:"), run.markdown());
        assertTrue(run.markdown().contains("61"), run.markdown());
        assertFalse(run.markdown().contains(tmp.toString()), "paths as in the repository");
    }

    /** A project folder with nothing but the repository's workflows/ and stacks/, as the sparse checkouts leave it. */
    private static Path data(Path dir) throws IOException {
        for (String folder : List.of("workflows", "stacks")) {
            Path from = ROOT.resolve(folder);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : files.toList()) {
                    Path to = dir.resolve(folder).resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(f, to);
                    }
                }
            }
        }
        return dir;
    }

    private static Run run(Path base, Path head, String... stacks) throws Exception {
        assertTrue(Files.isRegularFile(JAR), "no " + JAR + ": run `mvn verify` (the jar is built in package)");
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString(), JAR.toString(), base.toString(), head.toString()));
        command.addAll(List.of(stacks));
        Path out = Files.createTempFile("preview-diff", ".md");
        Path log = Files.createTempFile("preview-diff", ".log");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("preview-diff.sh did not finish in 5 minutes");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(log, StandardCharsets.UTF_8));
    }
}
