package dev.argogke.workflows.lint;

import dev.argogke.tree.Tree;
import dev.argogke.workflows.manifest.Manifest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The WorkflowTemplates and ClusterWorkflowTemplates of the linted set, by name, so that
 * {@code templateRef} and {@code workflowTemplateRef} resolve across files as they would in the
 * cluster once everything is applied.
 */
final class TemplateIndex {

    /** A WorkflowTemplate or ClusterWorkflowTemplate and its templates by name. */
    record Holder(Manifest manifest, String kind, String name, Map<String, Object> spec,
                  Map<String, Map<String, Object>> templates) {

        String entrypoint() {
            return Tree.text(spec.get("entrypoint"));
        }
    }

    private final Map<String, Holder> workflowTemplates = new HashMap<>();
    private final Map<String, Holder> clusterWorkflowTemplates = new HashMap<>();

    void add(Manifest manifest) {
        String kind = manifest.kind();
        String name = manifest.name().orElse(null);
        if (name == null) {
            return;
        }
        Map<String, Object> spec = Tree.map(manifest.content().get("spec"));
        Holder holder = new Holder(manifest, kind, name, spec, templatesByName(spec));
        if ("WorkflowTemplate".equals(kind)) {
            workflowTemplates.putIfAbsent(name, holder);
        } else if ("ClusterWorkflowTemplate".equals(kind)) {
            clusterWorkflowTemplates.putIfAbsent(name, holder);
        }
    }

    /** The WorkflowTemplate, or with {@code clusterScope} the ClusterWorkflowTemplate, named {@code name}. */
    Holder find(boolean clusterScope, String name) {
        return (clusterScope ? clusterWorkflowTemplates : workflowTemplates).get(name);
    }

    static String kindOf(boolean clusterScope) {
        return clusterScope ? "ClusterWorkflowTemplate" : "WorkflowTemplate";
    }

    /** The first template of each name in {@code spec.templates} (duplicates are reported elsewhere). */
    static Map<String, Map<String, Object>> templatesByName(Map<String, Object> spec) {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        for (Object t : Tree.list(spec.get("templates"))) {
            Map<String, Object> template = Tree.map(t);
            String name = Tree.string(template.get("name"));
            if (name != null && !name.isEmpty()) {
                byName.putIfAbsent(name, template);
            }
        }
        return byName;
    }
}
