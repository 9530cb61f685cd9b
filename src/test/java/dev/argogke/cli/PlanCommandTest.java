package dev.argogke.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.testing.Cli;
import dev.argogke.testing.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanCommandTest {
    @TempDir
    Path dir;

    @Test
    void devPlanPrintsTheWholeTree() {
        Cli.Run run = Cli.run("plan", "--stack", "dev");
        assertEquals(0, run.exitCode(), run.err());
        for (String expected : new String[] {
                "gcp:container/cluster:Cluster  cluster", "gcp:container/nodePool:NodePool  cluster-general",
                "autoscaling.maxNodeCount = 3", "kubernetes:helm.sh/v3:Release  argo", "gcp:storage/bucket:Bucket",
                "kubernetes:argoproj.io/v1alpha1:CronWorkflow  workflows-cronworkflow-nightly-reports",
                "spec.suspend = true", "kubeconfig = [secret]", "(known after deploy)"}) {
            assertTrue(run.out().contains(expected), "missing '" + expected + "' in\n" + run.out());
        }
    }

    @Test
    void prodPlanShowsBothPoolsAndLiveSchedules() {
        Cli.Run run = Cli.run("plan", "--stack", "prod");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("cluster-system"));
        assertTrue(run.out().contains("cluster-jobs"));
        assertFalse(run.out().contains("spec.suspend = true"), "prod schedules run");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "no project           |  gcp:project: acme-argo-dev |  | gcp:project | 1",
            "max below min        |      maxNodes: 3 |      maxNodes: 0 | argo-gke:nodePools[0].maxNodes | 1",
            "wrong type           |      minNodes: 1 |      minNodes: [1] | argo-gke:nodePools[0].minNodes | 1",
            "unknown key          |  argo-gke:workflows: |  argo-gke:workflow: | argo-gke:workflow | 1",
            "no IAP members       |    iapMembers: |    iapMember: | argo-gke:edge.iapMember | 2",
            "malformed member     |      - group:data-team@example.com |      - group:not-an-email | argo-gke:edge.iapMembers[0] | 1",
            "host outside zone    |    host: argo-dev.example.com |    host: argo-dev.example.net | argo-gke:edge.host | 1",
            "misspelt machine type |      machineType: e2-small |      machineType: e2-smal | argo-gke:nodePools[0].machineType: 'e2-smal' is not an E2 machine type (did you mean e2-small?) | 1",
    })
    void badStackConfigIsOneLinePerMistakeNamingTheKeyExitTwo(String what, String line, String replacement, String key, int mistakes) throws IOException {
        Path file = dir.resolve("Pulumi.bad.yaml");
        Files.writeString(file, TestSettings.devWith(line, replacement == null ? "" : replacement));
        Cli.Run run = Cli.run("plan", "--stack-file", file.toString());
        assertEquals(2, run.exitCode(), what);
        // A misspelt iapMembers is two mistakes: an unknown key, and the required one missing.
        assertEquals(mistakes, run.err().strip().lines().count(), "one line per mistake: " + run.err());
        assertTrue(run.err().contains(key.trim()), what + ": " + run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertEquals("", run.out());
    }

    /** The case: three mistakes in one stack file are three error lines, not the first "(and 2 more)". */
    @Test
    void threeConfigMistakesAreThreeErrorLinesEachNamingItsKey() throws IOException {
        Path file = dir.resolve("Pulumi.bad.yaml");
        Files.writeString(file, TestSettings.devWith("      maxNodes: 3", "      maxNodes: 0")
                .replace("    host: argo-dev.example.com", "    host: argo-dev.example.net")
                .replace("argo-gke:environment: dev", "argo-gke:environment: staging"));
        Cli.Run run = Cli.run("plan", "--stack-file", file.toString());
        assertEquals(2, run.exitCode(), run.err());
        List<String> lines = run.err().strip().lines().toList();
        assertEquals(3, lines.size(), run.err());
        assertTrue(lines.stream().allMatch(l -> l.startsWith("error: " + file)), run.err());
        for (String key : List.of("argo-gke:environment:", "argo-gke:nodePools[0].maxNodes:", "argo-gke:edge.host:")) {
            assertTrue(lines.stream().anyMatch(l -> l.contains(key)), key + " in\n" + run.err());
        }
    }

    @Test
    void malformedWorkflowFileIsOneLineWithFileAndLine() throws IOException {
        Path workflows = Files.createDirectories(dir.resolve("workflows"));
        Files.writeString(workflows.resolve("nightly.yaml"), "apiVersion: argoproj.io/v1alpha1\nkind: CronWorkflow\nmetadata:\n  name: nightly\nspec:\n  schedules: [\"0 2 * * *\"\n");
        Cli.Run run = Cli.run("plan", "--stack", "dev", "--workflows", workflows.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().matches("(?s)\\S*nightly\\.yaml:[0-9]+:[0-9]+: error: invalid YAML.*"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void aWorkflowTheLinterRejectsStopsThePlanWithTheFinding() throws IOException {
        Path workflows = Files.createDirectories(dir.resolve("workflows"));
        Files.writeString(workflows.resolve("nightly.yaml"), """
                apiVersion: argoproj.io/v1alpha1
                kind: CronWorkflow
                metadata:
                  name: nightly
                spec:
                  schedules: ["0 25 * * *"]
                  timezone: Europe/Oslo
                  workflowSpec:
                    entrypoint: main
                    templates:
                      - name: main
                        container: {image: alpine:3.20}
                """);
        Cli.Run run = Cli.run("plan", "--stack", "dev", "--workflows", workflows.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("nightly.yaml:6:"), run.err());
        assertTrue(run.err().contains("spec.schedules[0]"), run.err());
        assertTrue(run.err().contains("nothing was deployed"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void unknownStackNamesTheStacksThereAre() {
        Cli.Run run = Cli.run("plan", "--stack", "staging");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("stacks here: dev, prod"), run.err());
    }

    /** The issue: with stacks/Pulumi.mine.yaml there, --stack mien suggested `pulumi stack init mien`. */
    @Test
    void aMisspeltStackNameSuggestsTheStackThatIsThere() throws IOException {
        Path root = projectWithStacks("dev", "mine", "prod");
        Cli.Run run = Cli.run(new Main(root, Clock.systemUTC()), "plan", "--stack", "mien");
        assertEquals(2, run.exitCode(), run.out());
        assertEquals("", run.out());
        assertEquals("error: " + root.resolve("stacks/Pulumi.mien.yaml") + ": no such stack file; did you mean mine?"
                + " (stacks here: dev, mine, prod; for a new stack: `pulumi stack init mien`)\n", run.err());
    }

    /** A name near none of the stacks (more than two edits from each) is a new stack: no guess. */
    @Test
    void aStackNameNearNoStackIsNotGuessed() throws IOException {
        Path root = projectWithStacks("dev", "mine", "prod");
        Cli.Run run = Cli.run(new Main(root, Clock.systemUTC()), "check", "--stack", "staging");
        assertEquals(2, run.exitCode(), run.out());
        assertFalse(run.err().contains("did you mean"), run.err());
        assertTrue(run.err().contains("stacks here: dev, mine, prod (create one with `pulumi stack init staging`)"), run.err());
    }

    private Path projectWithStacks(String... stacks) throws IOException {
        Path root = dir.resolve("project");
        Files.createDirectories(root.resolve("stacks"));
        for (String stack : stacks) {
            Files.writeString(root.resolve("stacks/Pulumi." + stack + ".yaml"), "config: {}\n");
        }
        return root;
    }

    @Test
    void aStackNamedTwiceIsAUsageErrorNotASilentChoice() {
        Cli.Run run = Cli.run("plan", "--stack", "prod", "--stack-file", "stacks/Pulumi.dev.yaml");
        assertEquals(2, run.exitCode(), run.out());
        assertEquals("", run.out());
        assertTrue(run.err().contains("--stack=STACK, --stack-file=FILE are mutually exclusive"), run.err());
    }

    /** Every command that takes a stack shows the same two flags with the same help (one mixin). */
    @ParameterizedTest
    @CsvSource({"plan", "check", "cost", "status", "run", "backfill"})
    void everyCommandThatTakesAStackHelpsWithTheSameStackFlags(String command) {
        Cli.Run run = Cli.run(command, "--help");
        assertEquals(0, run.exitCode(), run.err());
        // Compared without white space: picocli wraps the help at 80 columns, wherever the text falls.
        String help = run.out().replaceAll("\\s+", "");
        assertTrue(help.contains("--stack=STACKStackname:readsstacks/Pulumi.<stack>.yaml(default:dev,ifstacks/Pulumi.dev.yamlexists)."),
                run.out());
        assertTrue(help.contains("--stack-file=FILEReadthisstackfileinsteadofstacks/Pulumi.<stack>.yaml."), run.out());
    }
}
