package dev.argogke.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.UserError;
import dev.argogke.testing.TreePath;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunNowTest {
    static final Clock NOW = Clock.fixed(Instant.parse("2026-03-29T10:15:30Z"), ZoneOffset.UTC);
    static final String WORKFLOWS = "/apis/argoproj.io/v1alpha1/namespaces/argo/workflows";

    @TempDir
    Path dir;
    MockArgo argo;
    GenericKubernetesResource cron;

    @BeforeEach
    void start() throws Exception {
        argo = MockArgo.start(dir);
        cron = argo.addCron("""
                apiVersion: argoproj.io/v1alpha1
                kind: CronWorkflow
                metadata:
                  name: weekly-report
                  labels:
                    workflows.argoproj.io/controller-instanceid: team-a
                    workflows.argoproj.io/creator: alice
                spec:
                  schedules: ["0 7 * * 1"]
                  timezone: Europe/Oslo
                  workflowMetadata:
                    labels: {team: data}
                    annotations: {owner: data-team@example.com}
                  workflowSpec:
                    entrypoint: main
                    arguments:
                      parameters:
                        - name: region
                          value: eu
                          enum: [eu, us]
                        - name: dryRun
                          value: "false"
                    templates:
                      - name: main
                        container: {image: "ghcr.io/acme/report:1.4", args: ["{{workflow.parameters.region}}"]}
                """);
    }

    @AfterEach
    void stop() throws Exception {
        argo.close();
    }

    RunNow.Submitted run(List<WorkflowFromCron.Parameter> parameters) {
        return new RunNow(argo.cluster(new Cancellation()), NOW).submit("weekly-report", parameters);
    }

    @Test
    void runCreatesTheWorkflowArgoSubmitFromCronWorkflowWould() {
        RunNow.Submitted submitted = run(List.of());

        GenericKubernetesResource wf = argo.workflows().get(0);
        assertEquals(submitted.name(), wf.getMetadata().getName());
        assertTrue(wf.getMetadata().getName().matches("weekly-report-[bcdfghjklmnpqrstvwxz2456789]{5}"), wf.getMetadata().getName());
        assertEquals(Map.of("workflows.argoproj.io/cron-workflow", "weekly-report",
                "workflows.argoproj.io/controller-instanceid", "team-a", "team", "data"), wf.getMetadata().getLabels());
        assertEquals("2026-03-29T12:15:30+02:00", wf.getMetadata().getAnnotations().get(ArgoResources.ANNOTATION_SCHEDULED_TIME));
        assertEquals("data-team@example.com", wf.getMetadata().getAnnotations().get("owner"));
        OwnerReference owner = wf.getMetadata().getOwnerReferences().get(0);
        assertNotNull(cron.getMetadata().getUid());
        assertEquals(List.of("argoproj.io/v1alpha1", "CronWorkflow", "weekly-report", cron.getMetadata().getUid(), true, true),
                List.of(owner.getApiVersion(), owner.getKind(), owner.getName(), owner.getUid(), owner.getController(),
                        owner.getBlockOwnerDeletion()));
        assertEquals(cron.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec ? spec.get("workflowSpec") : null,
                wf.getAdditionalProperties().get("spec"));
        assertTrue(submitted.warnings().isEmpty());
    }

    @Test
    void givenParametersReplaceDeclaredOnesAndComeFirstAsInArgo() {
        run(List.of(new WorkflowFromCron.Parameter("dryRun", "true")));

        assertEquals(List.of(Map.of("name", "dryRun", "value", "true"), Map.of("name", "region", "value", "eu", "enum", List.of("eu", "us"))),
                TreePath.at(argo.workflows().get(0).getAdditionalProperties(), "spec.arguments.parameters"));
    }

    @Test
    void undeclaredParameterIsPassedOnWithAWarning() {
        RunNow.Submitted submitted = run(List.of(new WorkflowFromCron.Parameter("regoin", "us")));

        assertEquals(1, submitted.warnings().size());
        assertTrue(submitted.warnings().get(0).contains("regoin is not declared"), submitted.warnings().get(0));
        assertTrue(submitted.warnings().get(0).contains("(declared: region, dryRun)"), submitted.warnings().get(0));
    }

    @Test
    void serverErrorWhileCreatingIsRetried() {
        argo.faults.on("POST", WORKFLOWS, n -> n == 1, FaultInjector.status(500, "internal error"));

        run(List.of());

        assertEquals(1, argo.workflows().size());
        assertEquals(1, argo.sleeps.size());
    }

    @Test
    void connectionDroppedAfterTheCreateStartsTheJobOnlyOnce() {
        argo.proxy.drop("POST", WORKFLOWS, DroppingProxy.When.AFTER_SERVER, 1);

        RunNow.Submitted submitted = run(List.of());

        assertEquals(1, argo.proxy.dropped.get());
        assertEquals(List.of(submitted.name()), argo.workflows().stream().map(w -> w.getMetadata().getName()).toList());
    }

    @Test
    void rejectedWorkflowIsOneClearError() {
        argo.faults.on("POST", WORKFLOWS, n -> true, FaultInjector.status(422, "spec.entrypoint: Required value"));

        UserError e = assertThrows(UserError.class, () -> run(List.of()));

        assertEquals("could not create a Workflow from CronWorkflow weekly-report: HTTP 422: spec.entrypoint: Required value",
                e.getMessage());
    }

    @Test
    void forbiddenCreateNamesTheNamespaceAndWhatToAskFor() {
        argo.faults.on("POST", WORKFLOWS, n -> true, FaultInjector.status(403,
                "workflows.argoproj.io is forbidden: User cannot create resource"));

        UserError e = assertThrows(UserError.class, () -> run(List.of()));

        assertTrue(e.getMessage().startsWith("not allowed to create Workflow weekly-report-"), e.getMessage());
        assertTrue(e.getMessage().contains("in namespace argo (HTTP 403"), e.getMessage());
    }
}
