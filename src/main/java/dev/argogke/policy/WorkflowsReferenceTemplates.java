package dev.argogke.policy;

import dev.argogke.argo.ArgoWorkflows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every CronWorkflow runs a WorkflowTemplate, as the controller requires: argo-gke deploys Argo with
 * {@code workflowRestrictions.templateReferencing: Strict} ({@link ArgoWorkflows#TEMPLATE_REFERENCING}),
 * and a workflow without {@code workflowTemplateRef}, or one that sets more than the fields Argo lets
 * a referencing workflow set, is marked Error instead of running (Argo v4.0.7
 * workflow/controller/operator.go setExecWorkflow; workflow/util/merge.go allowedUserOverrideFields).
 * Caught here, before the deploy, rather than at 2 a.m. when the schedule fires.
 */
final class WorkflowsReferenceTemplates implements Rule {
    /**
     * JSON names of the WorkflowSpec fields Argo v4.0.7 allows beside a workflowTemplateRef
     * (workflow/util/merge.go allowedUserOverrideFields; json tags in
     * pkg/apis/workflow/v1alpha1/workflow_types.go).
     */
    static final Set<String> ALLOWED_BESIDE_REFERENCE = Set.of(
            "arguments", "entrypoint", "shutdown", "suspend", "activeDeadlineSeconds", "priority", "ttlStrategy",
            "podGC", "volumeClaimGC", "archiveLogs", "workflowMetadata", "workflowTemplateRef", "metrics", "artifactGC");

    @Override
    public String name() {
        return "workflows-reference-templates";
    }

    @Override
    public String description() {
        return "every CronWorkflow runs a WorkflowTemplate (workflowTemplateRef), the only kind of workflow the controller runs";
    }

    @Override
    public List<Violation> check(PolicyInput input) {
        List<Violation> out = new ArrayList<>();
        for (WorkflowObjects.Doc doc : WorkflowObjects.of(input)) {
            if (!doc.kind().equals("CronWorkflow")) {
                continue;
            }
            Map<String, Object> spec = doc.spec();
            if (!spec.containsKey("workflowTemplateRef")) {
                out.add(violation(doc.where() + ": " + doc.specPath(), "has no workflowTemplateRef, so the controller would refuse "
                        + "every run (workflowRestrictions: " + ArgoWorkflows.TEMPLATE_REFERENCING + "); move entrypoint and templates into a "
                        + "WorkflowTemplate named " + doc.name() + " in the same file and set " + doc.specPath() + ".workflowTemplateRef.name: " + doc.name()));
                continue;
            }
            Set<String> extra = new TreeSet<>(spec.keySet());
            extra.removeAll(ALLOWED_BESIDE_REFERENCE);
            for (String field : extra) {
                out.add(violation(doc.where() + ": " + doc.specPath() + "." + field, "is not allowed beside a workflowTemplateRef "
                        + "(the controller refuses the run); move it into the WorkflowTemplate"));
            }
        }
        return out;
    }
}
