package dev.argogke.policy;

import static dev.argogke.policy.RuleExamples.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CIS GKE Benchmark 5.6.3/5.6.4: control plane authorized networks on, or a private endpoint. */
class ControlPlaneRestrictedTest {
    private final Rule rule = new ControlPlaneRestricted();

    @TempDir
    Path dir;

    @Test
    void theIssuesExampleAuthorizedNetworksOfTheWholeInternetFails() {
        PolicyInput input = stack(dir, "open", committed("dev", "    privateNodes: true", "    privateNodes: true\n    authorizedNetworks: [0.0.0.0/0]"));
        assertEquals(List.of("gcp:container/cluster:Cluster cluster: argo-gke:cluster.authorizedNetworks: 0.0.0.0/0 opens the control plane "
                + "to (nearly) any network; list your own networks (at most /8 wide)"), lines(rule, input));
        // The committed stack's waiver still covers it: it says why the control plane is open.
        assertTrue(Policies.evaluate(input).passed());
    }

    @Test
    void noAuthorizedNetworksWithAPublicEndpointFails() {
        PolicyInput input = PolicyFixtures.real("prod");
        List<String> lines = lines(rule, input);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("gcp:container/cluster:Cluster cluster: the control plane's public endpoint accepts any address "
                + "(argo-gke:cluster.authorizedNetworks is empty)"), lines.get(0));
    }

    @Test
    void listedNetworksPassAndThenTheCommittedWaiverIsAnError() {
        PolicyInput input = stack(dir, "office", committed("dev", "    privateNodes: true", "    privateNodes: true\n    authorizedNetworks: [203.0.113.0/24]"));
        assertEquals(List.of(), lines(rule, input));
        PolicyReport report = Policies.evaluate(input);
        assertEquals(List.of("control-plane-restricted"), report.violations().stream().map(Violation::rule).toList(), report.render());
        assertTrue(report.violations().get(0).resource().endsWith("Pulumi.office.yaml: argo-gke:waivers[0]"), report.render());
    }

    @Test
    void halfTheInternetIsStillAnyNetwork() {
        PolicyInput input = stack(dir, "halves", committed("dev", "    privateNodes: true", "    privateNodes: true\n    authorizedNetworks: [0.0.0.0/1, 128.0.0.0/1]"));
        assertEquals(2, lines(rule, input).size(), lines(rule, input).toString());
    }
}
