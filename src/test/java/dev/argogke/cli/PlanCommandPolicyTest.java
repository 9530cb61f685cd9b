package dev.argogke.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.testing.Cli;
import dev.argogke.testing.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan} runs the policy checks too. */
class PlanCommandPolicyTest {
    @TempDir
    Path dir;

    @Test
    void aPlanThatBreaksARuleExitsOneWithTheViolationLines() throws IOException {
        Path file = dir.resolve("Pulumi.public.yaml");
        Files.writeString(file, TestSettings.devWith("privateNodes: true", "privateNodes: false"));
        Cli.Run run = Cli.run("plan", "--stack-file", file.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("gcp:container/cluster:Cluster  cluster"), "the tree is still shown");
        assertTrue(run.err().startsWith("policy private-nodes: gcp:container/cluster:Cluster cluster: nodes get public IP addresses;"), run.err());
        assertTrue(run.err().contains("`bin/argo-gke check --stack-file " + file + "` shows every rule"), run.err());
    }

    @Test
    void theTreeShowsTheStacksWaivers() throws IOException {
        Path file = dir.resolve("Pulumi.public.yaml");
        Files.writeString(file, TestSettings.devWith("privateNodes: true", "privateNodes: false")
                + "    - rule: private-nodes\n      reason: partner API allow-lists node IPs\n");
        Cli.Run run = Cli.run("plan", "--stack-file", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Waived policy rules:\n  control-plane-restricted: deployed by GitHub-hosted CI runners"), run.out());
        assertTrue(run.out().contains("\n  private-nodes: partner API allow-lists node IPs\n"), run.out());
    }
}
