package dev.argogke.policy;

import dev.argogke.testing.TestSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Pod Security Standards "Baseline" (privileged, hostPath, host namespaces) and Argo's service
 * account model, on a workflows folder planned by the real program.
 */
class WorkflowPodsConfinedTest {
    private final Rule rule = new WorkflowPodsConfined();

    @TempDir
    Path dir;

    private PolicyInput planWith(String file, String yaml) throws IOException {
        Path workflows = Files.createDirectories(dir.resolve("workflows"));
        Files.writeString(workflows.resolve(file), yaml);
        PolicyInput dev = PolicyFixtures.real("dev");
        PlanFile plan = OfflinePlan.run(PolicyFixtures.ROOT, TestSettings.forOtherWorkflows(dev.settings()), dev.stackFile().orElseThrow().values(),
                dev.stackFile().orElseThrow().secretKeys(), Optional.of(workflows));
        return PolicyFixtures.withPlan(dev, plan);
    }

    @Test
    void theIssuesExamplesEachReportedWithFileAndFieldPath() throws IOException {
        PolicyInput input = planWith("escape.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: CronWorkflow
                metadata:
                  name: escape
                spec:
                  schedules: ["0 2 * * *"]
                  workflowSpec:
                    entrypoint: main
                    serviceAccountName: default
                    hostNetwork: true
                    volumes:
                      - name: docker
                        hostPath:
                          path: /var/run/docker.sock
                    templates:
                      - name: main
                        podSpecPatch: '{"hostPID": true, "hostIPC": true}'
                        container:
                          image: europe-docker.pkg.dev/acme-argo-prod/jobs/etl-runner:1.8.2
                          securityContext:
                            privileged: true
                """);
        List<String> lines = rule.check(input).stream().map(v -> v.resource() + ": " + v.message()).toList();
        String at = "workflows/escape.yaml (CronWorkflow escape): spec.workflowSpec.";
        assertEquals(List.of(
                at + "hostNetwork: shares the node's Network namespace with the job; remove it",
                at + "serviceAccountName: 'default' is not the workflows' service account; remove it (jobs run as argo-workflow, which argo-gke gives argo-gke:argo.workflowRoles)",
                at + "volumes[0].hostPath: mounts a folder of the node into the job; use an emptyDir, a PVC or artifacts",
                at + "templates[0].podSpecPatch.hostPID: shares the node's PID namespace with the job; remove it",
                at + "templates[0].podSpecPatch.hostIPC: shares the node's IPC namespace with the job; remove it",
                at + "templates[0].container.securityContext.privileged: a privileged container is root on the node; remove it"), lines);
        assertEquals(false, Policies.evaluate(input).passed());
    }

    @Test
    void aTemplateServiceAccountInAWorkflowTemplateIsReported() throws IOException {
        PolicyInput input = planWith("other-sa.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: WorkflowTemplate
                metadata:
                  name: other-sa
                spec:
                  entrypoint: main
                  templates:
                    - name: main
                      serviceAccountName: argo-server
                      container:
                        image: europe-docker.pkg.dev/acme-argo-prod/jobs/etl-runner:1.8.2
                """);
        List<Violation> v = rule.check(input);
        assertEquals(1, v.size(), v.toString());
        assertEquals("workflows/other-sa.yaml (WorkflowTemplate other-sa): spec.templates[0].serviceAccountName", v.get(0).resource().replace(dir + "/", ""));
    }

    @Test
    void theCommittedWorkflowsPass() {
        assertEquals(List.of(), rule.check(PolicyFixtures.real("dev")));
        assertEquals(List.of(), rule.check(PolicyFixtures.real("prod")));
        assertTrue(rule.description().contains("argo-workflow"));
    }
}
