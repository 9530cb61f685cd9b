package dev.argogke.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.testing.Cli;
import dev.argogke.testing.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    @TempDir
    Path dir;

    /**
     * 21 rules. The one waiver the committed stacks carry, with its reason (see the stack files);
     * on dev the prod-only deletion-protection rule does not apply, and says so (the issue: it said "pass").
     */
    @Test
    void devAndProdPassEveryRuleThatApplies() {
        for (String stack : new String[] {"dev", "prod"}) {
            Cli.Run run = Cli.run("check", "--stack", stack);
            boolean dev = stack.equals("dev");
            assertEquals(0, run.exitCode(), run.out() + run.err());
            assertEquals(dev ? 21 : 22, run.out().lines().filter(l -> l.startsWith("  pass    ")).count(), run.out());
            assertTrue(run.out().contains("  waived  control-plane-restricted       (deployed by GitHub-hosted CI runners"), run.out());
            assertEquals(dev, run.out().contains("  n/a     deletion-protection            (prod stacks only;"), run.out());
            assertTrue(run.out().endsWith(dev ? "All 21 rules pass, 1 waived, 1 n/a.\n" : "All 22 rules pass, 1 waived.\n"), run.out());
        }
    }

    /**
     * The README: a kubeconfig stack has "no Google Cloud at all" and no edge, so the rules about
     * Google Cloud resources and the public endpoint do not apply; the Kubernetes ones still do.
     */
    @Test
    void aKubeconfigStackChecksOnlyTheRulesThatApplyToIt() throws IOException {
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\ncurrent-context: kind-argo\n");
        Path file = write("local", """
                config:
                  argo-gke:environment: dev
                  argo-gke:cluster:
                    existing: {kubeconfig: %s}
                """.formatted(kubeconfig));
        Cli.Run run = Cli.run("check", "--stack-file", file.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        List<String> notApplicable = run.out().lines().filter(l -> l.startsWith("  n/a     ")).map(l -> l.substring(10).split(" ")[0]).toList();
        assertEquals(Set.of("https-only", "iap-members-named", "deletion-protection", "data-access-logs", "environment-matches-project",
                "workload-identity", "node-service-account", "no-service-account-keys", "legacy-auth-off", "shielded-nodes",
                "private-nodes", "control-plane-restricted", "private-bucket", "events-workload-identity", "sensors-namespaced"), Set.copyOf(notApplicable), run.out());
        assertEquals(15, notApplicable.size());
        assertTrue(run.out().contains("  n/a     private-nodes                  (no Google Cloud: the cluster is reached by kubeconfig"
                + " (argo-gke:cluster.existing.kubeconfig))\n"), run.out());
        assertTrue(run.out().endsWith("All 8 rules pass, 15 n/a.\n"), run.out());
    }

    /** The issue: with edge.enabled: false, the rules that concern the public endpoint say n/a. */
    @Test
    void withoutThePublicEndpointItsRulesAreNotApplicable() throws IOException {
        String dev = Files.readString(Path.of("stacks/Pulumi.dev.yaml"));
        int from = dev.indexOf("  argo-gke:edge:\n");
        int to = dev.indexOf("  # CIS GKE 5.6.3");
        Path file = write("dev", dev.substring(0, from) + "  argo-gke:edge:\n    enabled: false\n" + dev.substring(to));
        Cli.Run run = Cli.run("check", "--stack-file", file.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals(List.of("https-only", "deletion-protection", "iap-members-named"), run.out().lines()
                .filter(l -> l.startsWith("  n/a     ")).map(l -> l.substring(10).split(" ")[0]).toList(), run.out());
        assertTrue(run.out().contains("  n/a     https-only                     (no public endpoint: the stack creates no Ingress)\n"), run.out());
        assertTrue(run.out().endsWith("All 19 rules pass, 1 waived, 3 n/a.\n"), run.out());
    }

    @Test
    void aBrokenRuleIsFailWithTheResourceAndExitOne() throws IOException {
        Path file = write("public", TestSettings.devWith("privateNodes: true", "privateNodes: false"));
        Cli.Run run = Cli.run("check", "--stack-file", file.toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("  FAIL    private-nodes"), run.out());
        assertTrue(run.out().contains("gcp:container/cluster:Cluster cluster: nodes get public IP addresses"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void aWaivedRuleShowsItsReasonAndPasses() throws IOException {
        Path file = write("public", TestSettings.devWith("privateNodes: true", "privateNodes: false")
                + "    - rule: private-nodes\n      reason: partner API allow-lists node IPs\n");
        Cli.Run run = Cli.run("check", "--stack-file", file.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("  waived  private-nodes                  (partner API allow-lists node IPs)"), run.out());
    }

    @Test
    void aWaiverOfNoRuleIsOneErrorLineAndExitTwo() throws IOException {
        Path file = write("typo", TestSettings.devWith("privateNodes: true", "privateNodes: true")
                + "    - rule: private-node\n      reason: typo\n");
        Cli.Run run = Cli.run("check", "--stack-file", file.toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: " + file + ": argo-gke:waivers[1].rule: 'private-node' is not a policy rule (did you mean private-nodes?)"), run.err());
        assertFalse(run.err().contains("\tat "));
    }

    @Test
    void badConfigIsExitTwo() throws IOException {
        Path file = write("bad", TestSettings.devWith("      minNodes: 1", "      minNodes: many"));
        Cli.Run run = Cli.run("check", "--stack-file", file.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("argo-gke:nodePools[0].minNodes"), run.err());
    }

    private Path write(String stack, String text) throws IOException {
        Path file = dir.resolve("Pulumi." + stack + ".yaml");
        Files.writeString(file, text);
        return file;
    }
}
