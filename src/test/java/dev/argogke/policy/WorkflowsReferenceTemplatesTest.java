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
 * What Argo's controller does under {@code templateReferencing: Strict} (v4.0.7
 * workflow/controller/operator.go setExecWorkflow: no workflowTemplateRef is an error; with one,
 * workflow/util/merge.go ValidateUserOverrides refuses any field outside allowedUserOverrideFields),
 * checked before the deploy on a workflows folder planned by the real program.
 */
class WorkflowsReferenceTemplatesTest {
    private final Rule rule = new WorkflowsReferenceTemplates();

    @TempDir
    Path dir;

    private List<String> violations(String file, String yaml) throws IOException {
        Path workflows = Files.createDirectories(dir.resolve("workflows"));
        Files.writeString(workflows.resolve(file), yaml);
        PolicyInput dev = PolicyFixtures.real("dev");
        PlanFile plan = OfflinePlan.run(PolicyFixtures.ROOT, TestSettings.forOtherWorkflows(dev.settings()), dev.stackFile().orElseThrow().values(),
                dev.stackFile().orElseThrow().secretKeys(), Optional.of(workflows));
        return rule.check(PolicyFixtures.withPlan(dev, plan)).stream().map(v -> v.resource() + ": " + v.message()).toList();
    }

    @Test
    void aCronWorkflowWithItsStepsInlineIsReportedWithTheFix() throws IOException {
        List<String> found = violations("inline.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: CronWorkflow
                metadata:
                  name: inline
                spec:
                  schedules: ["0 2 * * *"]
                  workflowSpec:
                    entrypoint: main
                    templates:
                      - name: main
                        container:
                          image: europe-docker.pkg.dev/acme-argo-prod/jobs/etl-runner:1.8.2
                """);
        assertEquals(List.of("workflows/inline.yaml (CronWorkflow inline): spec.workflowSpec: has no workflowTemplateRef, so the "
                + "controller would refuse every run (workflowRestrictions: Strict); move entrypoint and templates into a WorkflowTemplate "
                + "named inline in the same file and set spec.workflowSpec.workflowTemplateRef.name: inline"), found);
    }

    /** serviceAccountName and podSpecPatch are outside Argo's allow-list; arguments and activeDeadlineSeconds are in it. */
    @Test
    void fieldsArgoRefusesBesideAReferenceAreReportedAndAllowedOnesPass() throws IOException {
        List<String> found = violations("ref.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: WorkflowTemplate
                metadata:
                  name: ref
                spec:
                  entrypoint: main
                  arguments:
                    parameters:
                      - name: since
                        value: 24h
                  templates:
                    - name: main
                      container:
                        image: europe-docker.pkg.dev/acme-argo-prod/jobs/etl-runner:1.8.2
                ---
                apiVersion: argoproj.io/v1alpha1
                kind: CronWorkflow
                metadata:
                  name: ref
                spec:
                  schedules: ["0 2 * * *"]
                  workflowSpec:
                    workflowTemplateRef:
                      name: ref
                    arguments:
                      parameters:
                        - name: since
                          value: 48h
                    activeDeadlineSeconds: 600
                    serviceAccountName: argo-workflow
                    podSpecPatch: '{"hostNetwork": true}'
                """);
        String at = "workflows/ref.yaml (CronWorkflow ref): spec.workflowSpec.";
        String why = ": is not allowed beside a workflowTemplateRef (the controller refuses the run); move it into the WorkflowTemplate";
        assertEquals(List.of(at + "podSpecPatch" + why, at + "serviceAccountName" + why), found);
    }

    @Test
    void theCommittedWorkflowsAllReferenceTemplates() {
        assertEquals(List.of(), rule.check(PolicyFixtures.real("dev")));
        assertEquals(List.of(), rule.check(PolicyFixtures.real("prod")));
    }
}
