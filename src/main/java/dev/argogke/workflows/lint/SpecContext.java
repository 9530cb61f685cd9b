package dev.argogke.workflows.lint;

import dev.argogke.names.DidYouMean;
import dev.argogke.tree.Tree;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One workflow spec being checked (a Workflow's, a WorkflowTemplate's, or a CronWorkflow's
 * workflowSpec) and how to resolve the templates its steps and tasks call.
 */
final class SpecContext {
    final DocumentFindings out;
    final TemplateIndex index;
    final String kind;
    final String specPath;
    final Map<String, Object> spec;
    /** WorkflowTemplate or ClusterWorkflowTemplate: entrypoint and argument values are optional. */
    final boolean templateKind;
    /** Templates that {@code template: name} resolves to. */
    final Map<String, Map<String, Object>> localTemplates;
    /** Names of spec.arguments.parameters (merged with a workflowTemplateRef's). */
    final Set<String> workflowParameters;
    /** Whether {@code {{workflow.parameters.x}}} must name one of {@link #workflowParameters}. */
    final boolean checkWorkflowParameters;

    SpecContext(DocumentFindings out, TemplateIndex index, String kind, String specPath, Map<String, Object> spec,
                Map<String, Map<String, Object>> localTemplates, Set<String> workflowParameters) {
        this.out = out;
        this.index = index;
        this.kind = kind;
        this.specPath = specPath;
        this.spec = spec;
        this.templateKind = kind.equals("WorkflowTemplate") || kind.equals("ClusterWorkflowTemplate");
        this.localTemplates = localTemplates;
        this.workflowParameters = workflowParameters;
        // A WorkflowTemplate may use parameters that the workflows submitting it supply
        // (Argo v4.1 resolveAllVariables allows workflow.parameters.* when validating templates).
        this.checkWorkflowParameters = !templateKind;
    }

    Map<String, Object> templateDefaults() {
        return Tree.map(spec.get("templateDefaults"));
    }

    /**
     * The template a step, task, hook or exit handler calls, or null when it cannot be known
     * (a reference made of {{variables}}) or does not resolve (then reported here).
     */
    Map<String, Object> resolveCall(Map<String, Object> caller, String callerPath, String callerWhat) {
        String template = Tree.text(caller.get("template"));
        boolean hasRef = caller.get("templateRef") != null;
        boolean hasInline = caller.get("inline") != null;
        if (!template.isEmpty() && hasRef) {
            out.error(Tree.join(callerPath, "template"), callerWhat + " has both template and templateRef; keep one");
            return null;
        }
        if (hasInline && (!template.isEmpty() || hasRef)) {
            out.error(Tree.join(callerPath, "inline"), callerWhat + " has an inline template and also names one; keep one");
            return null;
        }
        if (hasInline) {
            return Tree.map(caller.get("inline"));
        }
        if (!template.isEmpty()) {
            return resolveLocal(template, Tree.join(callerPath, "template"));
        }
        if (hasRef) {
            return resolveRef(Tree.map(caller.get("templateRef")), Tree.join(callerPath, "templateRef"));
        }
        if (!out.hasErrorAtOrBelow(callerPath)) {
            out.error(callerPath, callerWhat + " runs nothing: name a template (template: or templateRef:) or give an inline: one");
        }
        return null;
    }

    Map<String, Object> resolveLocal(String name, String path) {
        if (name.contains("{{")) {
            return null;
        }
        Map<String, Object> t = localTemplates.get(name);
        if (t == null) {
            String suggestion = DidYouMean.closest(name, localTemplates.keySet()).orElse(null);
            out.error(path, "template '" + name + "' is not defined in this " + kind
                    + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?"));
        }
        return t;
    }

    Map<String, Object> resolveRef(Map<String, Object> ref, String path) {
        String name = Tree.text(ref.get("name"));
        String template = Tree.text(ref.get("template"));
        boolean clusterScope = Tree.isTrue(ref.get("clusterScope"));
        String targetKind = TemplateIndex.kindOf(clusterScope);
        if (name.isEmpty()) {
            out.error(Tree.join(path, "name"), "templateRef needs the name of a " + targetKind);
            return null;
        }
        if (template.isEmpty()) {
            out.error(Tree.join(path, "template"), "templateRef needs the name of a template of " + targetKind + " '" + name + "'");
            return null;
        }
        if (name.contains("{{") || template.contains("{{")) {
            return null; // resolved at run time (Argo skips it too)
        }
        TemplateIndex.Holder holder = index.find(clusterScope, name);
        if (holder == null) {
            String hint = index.find(!clusterScope, name) != null
                    ? "; it is a " + TemplateIndex.kindOf(!clusterScope) + (clusterScope ? ": remove clusterScope" : ": add clusterScope: true")
                    : "";
            out.error(Tree.join(path, "name"), targetKind + " '" + name + "' is not defined in the linted files" + hint);
            return null;
        }
        Map<String, Object> t = holder.templates().get(template);
        if (t == null) {
            String suggestion = DidYouMean.closest(template, holder.templates().keySet()).orElse(null);
            out.error(Tree.join(path, "template"), targetKind + " '" + name + "' has no template '" + template + "'"
                    + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?"));
        }
        return t;
    }

    /**
     * Argo's ProcessArgs (workflow/common/util.go): every input parameter without a value, default or
     * configMapKeyRef, and every input artifact without a location that is not optional, must be
     * passed by the caller's arguments.
     *
     * @param allowEmptyArguments whether an argument without a value counts as passed (when its
     *                            missing value is reported on its own)
     */
    void checkSupplied(Map<String, Object> target, String targetLabel, Map<String, Object> arguments,
                       String callerPath, boolean allowEmptyArguments) {
        Map<String, Map<String, Object>> argParams = byName(Tree.list(arguments.get("parameters")));
        Map<String, Map<String, Object>> argArtifacts = byName(Tree.list(arguments.get("artifacts")));
        Map<String, Object> inputs = Tree.map(target.get("inputs"));
        for (Object o : Tree.list(inputs.get("parameters"))) {
            Map<String, Object> in = Tree.map(o);
            String name = Tree.text(in.get("name"));
            if (name.isEmpty() || in.get("value") != null || in.get("default") != null
                    || Tree.map(in.get("valueFrom")).get("configMapKeyRef") != null) {
                continue;
            }
            Map<String, Object> arg = argParams.get(name);
            boolean passed = arg != null && (allowEmptyArguments || arg.get("value") != null
                    || Tree.map(arg.get("valueFrom")).get("configMapKeyRef") != null);
            if (!passed) {
                out.error(Tree.join(callerPath, "arguments"), targetLabel + " needs input parameter '" + name
                        + "' (it has no default); pass it under arguments.parameters");
            }
        }
        for (Object o : Tree.list(inputs.get("artifacts"))) {
            Map<String, Object> in = Tree.map(o);
            String name = Tree.text(in.get("name"));
            if (name.isEmpty() || Tree.isTrue(in.get("optional")) || Arguments.hasLocation(in)) {
                continue;
            }
            if (!argArtifacts.containsKey(name)) {
                out.error(Tree.join(callerPath, "arguments"), targetLabel + " needs input artifact '" + name
                        + "'; pass it under arguments.artifacts (or mark the input optional: true)");
            }
        }
    }

    private static Map<String, Map<String, Object>> byName(List<Object> items) {
        Map<String, Map<String, Object>> byName = new HashMap<>();
        for (Object o : items) {
            Map<String, Object> item = Tree.map(o);
            String name = Tree.string(item.get("name"));
            if (name != null) {
                byName.putIfAbsent(name, item);
            }
        }
        return byName;
    }
}
