package dev.argogke.policy;

import static dev.argogke.policy.PolicyFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.plan.PlanTree;
import dev.argogke.testing.TestSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateNodesTest {
    /** One more item of the committed dev stack's argo-gke:waivers, the file's last key. */
    private static final String WAIVER = """
                - rule: private-nodes
                  reason: the jobs call a partner API that allow-lists our node addresses
            """;
    private final Rule rule = new PrivateNodes();

    @TempDir
    Path dir;

    @Test
    void theCommittedStacksHavePrivateNodes() {
        assertEquals(List.of(), rule.check(real("dev")));
        assertEquals(List.of(), rule.check(real("prod")));
    }

    @Test
    void publicNodesWithoutAWaiverFail() {
        PolicyInput input = inputOf(TestSettings.stackFile(dir, "public", TestSettings.devWith("privateNodes: true", "privateNodes: false")));
        List<Violation> v = violationsOfOnly(rule.name(), input);
        assertEquals(List.of(new Violation("private-nodes", "gcp:container/cluster:Cluster cluster",
                "nodes get public IP addresses; set argo-gke:cluster.privateNodes: true, or waive private-nodes in the stack file with a reason")), v);
    }

    @Test
    void publicNodesWithAWaiverAreReportedAsWaivedAndTheStackPasses() {
        PolicyInput input = inputOf(TestSettings.stackFile(dir, "public",
                TestSettings.devWith("privateNodes: true", "privateNodes: false") + WAIVER));
        PolicyReport report = Policies.evaluate(input);
        assertTrue(report.passed(), report.render());
        PolicyReport.Outcome outcome = report.outcomes().stream().filter(o -> o.rule().equals("private-nodes")).findFirst().orElseThrow();
        assertEquals(PolicyReport.Status.WAIVED, outcome.status());
        assertEquals(1, outcome.violations().size(), "the waiver lets the violation through, and says so");
        assertTrue(report.render().contains("waived  private-nodes"), report.render());
        assertTrue(PlanTree.render(input.plan()).contains("private-nodes: the jobs call a partner API"), "the plan shows the waiver");
    }

    @Test
    void aPoolOverridingTheClusterWithPublicNodesFails() {
        PolicyInput dev = real("dev");
        PolicyInput input = withPlan(dev, set(dev.plan(), "gcp:container/nodePool:NodePool", "cluster-general", "networkConfig.enablePrivateNodes", false));
        assertEquals(List.of("gcp:container/nodePool:NodePool cluster-general"),
                violationsOfOnly(rule.name(), input).stream().map(Violation::resource).toList());
    }
}
