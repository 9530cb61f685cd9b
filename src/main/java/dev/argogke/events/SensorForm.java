package dev.argogke.events;

import dev.argogke.events.EventObjects.Problems;
import dev.argogke.events.EventObjects.Target;
import dev.argogke.tree.Tree;
import dev.argogke.workflows.manifest.Manifest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Sensor as argo-gke deploys it: it runs as its own service account, whose only right is to create
 * Workflows in the workflows namespace ({@link SensorAccess}), so each trigger creates a Workflow from
 * a WorkflowTemplate there. The controller refuses any other Workflow anyway (workflowRestrictions:
 * Strict, argo.ArgoWorkflows).
 */
final class SensorForm {
    /** A trigger template's fields besides the action (argo-events v1.9.10 TriggerTemplate). */
    private static final Set<String> TEMPLATE_FIELDS = Set.of("name", "conditions", "conditionsReset", "k8s");
    static final String WORKFLOW_API_VERSION = "argoproj.io/v1alpha1";

    private SensorForm() {
    }

    static void check(Manifest m, Target target, Problems out) {
        out.ours("spec.template.serviceAccountName", SensorAccess.serviceAccountName(m.name().orElseThrow()));
        List<Object> triggers = Tree.list(m.content(), "spec.triggers");
        for (int i = 0; i < triggers.size(); i++) {
            String path = Tree.index("spec.triggers", i) + ".template";
            Map<String, Object> template = Tree.map(Tree.at(triggers.get(i), "template"));
            for (String key : template.keySet()) {
                if (!TEMPLATE_FIELDS.contains(key)) {
                    out.add(path + "." + key, "a Sensor may only create Workflows (its account's one right); use a k8s trigger that"
                            + " creates a Workflow from a WorkflowTemplate (docs/events.md)");
                }
            }
            if (template.get("k8s") instanceof Map<?, ?> k8s) {
                checkK8s(Tree.map(k8s), path + ".k8s", target, out);
            }
        }
    }

    private static void checkK8s(Map<String, Object> k8s, String path, Target target, Problems out) {
        if (k8s.get("operation") instanceof String op && !op.isEmpty() && !"create".equals(op)) {
            out.add(path + ".operation", "'" + op + "' is not allowed: the Sensor's account may only create Workflows; use create");
        }
        Map<String, Object> resource = Tree.map(Tree.at(k8s, "source.resource"));
        if (resource.isEmpty()) {
            out.add(path + ".source", "write the Workflow inline under source.resource: argo-gke gives a Sensor no access to"
                    + " git, S3, URLs or ConfigMaps");
            return;
        }
        String where = path + ".source.resource";
        if (!"Workflow".equals(resource.get("kind")) || !WORKFLOW_API_VERSION.equals(resource.get("apiVersion"))) {
            out.add(where, "must be a Workflow (apiVersion " + WORKFLOW_API_VERSION + "): the Sensor's account may create nothing else");
        } else if (Tree.string(resource, "spec.workflowTemplateRef.name") == null) {
            out.add(where + ".spec.workflowTemplateRef", "name the WorkflowTemplate to run: the controller runs only workflows"
                    + " that reference one (workflowRestrictions: Strict)");
        }
        out.ours(where + ".metadata.namespace", target.workflowsNamespace());
    }

    static void fill(String name, Map<String, Object> spec, Target target) {
        EventObjects.template(spec).put("serviceAccountName", SensorAccess.serviceAccountName(name));
        for (Object trigger : Tree.list(spec.get("triggers"))) {
            Map<String, Object> resource = Tree.map(Tree.at(trigger, "template.k8s.source.resource"));
            if (!resource.isEmpty()) {
                Object metadata = resource.get("metadata");
                if (!(metadata instanceof Map<?, ?>)) {
                    metadata = new LinkedHashMap<String, Object>();
                    resource.put("metadata", metadata);
                }
                Tree.map(metadata).put("namespace", target.workflowsNamespace());
            }
        }
    }
}
