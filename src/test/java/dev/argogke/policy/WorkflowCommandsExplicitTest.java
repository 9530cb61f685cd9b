package dev.argogke.policy;

import dev.argogke.testing.TestSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.argogke.plan.OfflinePlan;
import dev.argogke.plan.PlanFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Argo v4.0.7 workflow/controller/workflowpod.go: for each of the pod's containers (the main one of a
 * container or script template, a containerSet's, a sidecar) without a command, the controller looks the
 * image's entrypoint up in its registry; init containers are not looked up.
 */
class WorkflowCommandsExplicitTest {
    private final Rule rule = new WorkflowCommandsExplicit();

    @TempDir
    Path dir;

    private List<String> violations(String yaml) throws IOException {
        Path workflows = Files.createDirectories(dir.resolve("workflows"));
        Files.writeString(workflows.resolve("job.yaml"), yaml);
        PolicyInput dev = PolicyFixtures.real("dev");
        PlanFile plan = OfflinePlan.run(PolicyFixtures.ROOT, TestSettings.forOtherWorkflows(dev.settings()), dev.stackFile().orElseThrow().values(),
                dev.stackFile().orElseThrow().secretKeys(), Optional.of(workflows));
        return rule.check(PolicyFixtures.withPlan(dev, plan)).stream().map(Violation::resource).toList();
    }

    @Test
    void eachContainerTheControllerWouldLookUpIsNamedAndInitContainersAreNot() throws IOException {
        List<String> found = violations("""
                apiVersion: argoproj.io/v1alpha1
                kind: WorkflowTemplate
                metadata:
                  name: job
                spec:
                  entrypoint: main
                  templates:
                    - name: main
                      initContainers:
                        - name: prepare
                          image: europe-docker.pkg.dev/acme-argo-prod/jobs/prepare:1.0.0
                      sidecars:
                        - name: proxy
                          image: europe-docker.pkg.dev/acme-argo-prod/jobs/proxy:1.0.0
                      container:
                        image: europe-docker.pkg.dev/acme-argo-prod/jobs/etl-runner:1.8.2
                        args: [run]
                    - name: named
                      container:
                        image: europe-docker.pkg.dev/acme-argo-prod/jobs/etl-runner:1.8.2
                        command: [etl-runner]
                """);
        String at = "workflows/job.yaml (WorkflowTemplate job): spec.templates[0].";
        assertEquals(List.of(at + "container.command", at + "sidecars[0].command"), found);
    }

    @Test
    void theCommittedWorkflowsNameTheirCommands() {
        assertEquals(List.of(), rule.check(PolicyFixtures.real("dev")));
        assertEquals(List.of(), rule.check(PolicyFixtures.real("prod")));
    }
}
