package dev.argogke.policy;

import dev.argogke.plan.PlanFile;
import dev.argogke.tree.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The Argo objects a plan deploys (what {@code workflows/} becomes, with the stack's image and
 * suspension overrides applied), read the way the rules need: each object's file, its workflow
 * spec, its templates and their containers, each with the field path a user can find.
 * Field names: Argo v4.0.6 pkg/apis/workflow/v1alpha1 (WorkflowSpec, Template, ContainerSetTemplate).
 */
final class WorkflowObjects {
    static final Set<String> KINDS = Set.of("Workflow", "WorkflowTemplate", "CronWorkflow", "ClusterWorkflowTemplate");
    /** The annotation the deployment puts on each object: the file it came from. */
    static final String SOURCE_ANNOTATION = "argo-gke/source";

    private WorkflowObjects() {
    }

    /**
     * One deployed object.
     *
     * @param kind     {@code CronWorkflow}
     * @param name     its metadata.name
     * @param where    {@code workflows/etl.yaml (CronWorkflow etl)}
     * @param specPath {@code spec} or, for a CronWorkflow, {@code spec.workflowSpec}
     */
    record Doc(String kind, String name, String where, String specPath, Map<String, Object> spec) {
    }

    static List<Doc> of(PolicyInput input) {
        PlanQuery plan = new PlanQuery(input.plan());
        List<Doc> out = new ArrayList<>();
        for (String kind : KINDS.stream().sorted().toList()) {
            for (PlanFile.Resource r : plan.ofKind("argoproj.io", kind)) {
                String name = PlanQuery.name(r);
                String file = PlanQuery.annotations(r).getOrDefault(SOURCE_ANNOTATION, fileOf(input.plan(), kind, name));
                String specPath = "CronWorkflow".equals(kind) ? "spec.workflowSpec" : "spec";
                out.add(new Doc(kind, name, file + " (" + kind + " " + name + ")", specPath, PlanQuery.map(r.input(specPath))));
            }
        }
        return out;
    }

    private static String fileOf(PlanFile plan, String kind, String name) {
        return plan.workflows().stream().filter(w -> w.kind().equals(kind) && w.name().equals(name))
                .map(PlanFile.Workflow::file).findFirst().orElse("workflows/");
    }

    /** Each template with its path: {@code spec.templates[2]}. */
    static void templates(Doc doc, BiConsumer<String, Map<String, Object>> each) {
        List<?> templates = Tree.list(doc.spec().get("templates"));
        for (int i = 0; i < templates.size(); i++) {
            each.accept(doc.specPath() + ".templates[" + i + "]", PlanQuery.map(templates.get(i)));
        }
    }

    /** Every container of a template (container, script, containerSet, init containers, sidecars) with its path. */
    static void containers(String templatePath, Map<String, Object> template, BiConsumer<String, Map<String, Object>> each) {
        mainContainers(templatePath, template, each);
        listed(templatePath + ".initContainers", template.get("initContainers"), each);
        listed(templatePath + ".sidecars", template.get("sidecars"), each);
    }

    /** The pod's containers Argo's executor wraps (Argo v4.0.7 workflowpod.go): all but init containers. */
    static void podContainers(String templatePath, Map<String, Object> template, BiConsumer<String, Map<String, Object>> each) {
        mainContainers(templatePath, template, each);
        listed(templatePath + ".sidecars", template.get("sidecars"), each);
    }

    private static void mainContainers(String templatePath, Map<String, Object> template, BiConsumer<String, Map<String, Object>> each) {
        for (String single : List.of("container", "script")) {
            if (template.get(single) instanceof Map<?, ?>) {
                each.accept(templatePath + "." + single, PlanQuery.map(template.get(single)));
            }
        }
        listed(templatePath + ".containerSet.containers", Tree.at(template, "containerSet.containers"), each);
    }

    static void listed(String path, Object list, BiConsumer<String, Map<String, Object>> each) {
        List<?> items = Tree.list(list);
        for (int j = 0; j < items.size(); j++) {
            each.accept(Tree.index(path, j), PlanQuery.map(items.get(j)));
        }
    }
}
