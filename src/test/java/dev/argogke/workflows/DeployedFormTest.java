package dev.argogke.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeployedFormTest {
    private static Map<String, Object> cronSpec() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("schedules", List.of("0 2 * * *"));
        spec.put("workflowSpec", Map.of("templates", List.of(Map.of("name", "main",
                "container", Map.of("image", "europe-docker.pkg.dev/acme-argo-prod/jobs/etl:1.0")))));
        return spec;
    }

    @Test
    void suspendAllSuspendsCronWorkflowsOnly() {
        DeployedForm form = new DeployedForm(true, new ImageOverride(Optional.empty(), Optional.empty()));
        assertEquals(true, form.spec("CronWorkflow", cronSpec()).get("suspend"));
        assertFalse(form.spec("WorkflowTemplate", Map.of("templates", List.of())).containsKey("suspend"));
    }

    @Test
    void theRepositorysSpecIsNeverModified() {
        Map<String, Object> spec = cronSpec();
        new DeployedForm(true, new ImageOverride(Optional.empty(), Optional.of("dev"))).spec("CronWorkflow", spec);
        assertEquals(cronSpec(), spec);
    }

    @Test
    void asWrittenChangesNothing() {
        assertEquals(cronSpec(), DeployedForm.asWritten().spec("CronWorkflow", cronSpec()));
    }
}
