package dev.argogke.workflows.lint;

import dev.argogke.names.DidYouMean;
import dev.argogke.tree.Tree;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks {@code {{inputs.parameters.x}}}, {@code {{inputs.artifacts.x}}} and
 * {@code {{workflow.parameters.x}}} references against what is declared, as Argo v4.1's
 * resolveAllVariables does (workflow/validate/validate.go). Expression tags ({@code {{= ...}}})
 * are not checked, as in Argo (util/template/validate.go); other variables (steps.*, tasks.*,
 * item, ...) are left alone.
 */
final class Variables {
    private Variables() {
    }

    /** What a template may refer to. */
    record Scope(String templateName, Set<String> inputParameters, Set<String> inputArtifacts,
                 Set<String> workflowParameters, boolean checkWorkflowParameters) {
    }

    /**
     * Walks every string under {@code node}, skipping {@code inline} templates of steps and tasks
     * (they are checked against their own inputs).
     */
    static void check(DocumentFindings out, Object node, String path, Scope scope) {
        if (node instanceof String s) {
            checkString(out, s, path, scope);
        } else if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (key.equals("inline") && e.getValue() instanceof Map<?, ?>) {
                    continue;
                }
                check(out, e.getValue(), Tree.join(path, key), scope);
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                check(out, list.get(i), Tree.index(path, i), scope);
            }
        }
    }

    private static void checkString(DocumentFindings out, String s, String path, Scope scope) {
        int from = 0;
        while (true) {
            int open = s.indexOf("{{", from);
            if (open < 0) {
                return;
            }
            int close = s.indexOf("}}", open + 2);
            if (close < 0) {
                return;
            }
            String tag = s.substring(open + 2, close);
            from = close + 2;
            if (tag.startsWith("=")) {
                continue;
            }
            String problem = problem(tag.strip(), scope);
            if (problem != null) {
                out.error(path, problem);
            }
        }
    }

    private static String problem(String tag, Scope scope) {
        String inputsWhere = scope.templateName().isEmpty() ? "this template" : "template '" + scope.templateName() + "'";
        if (tag.equals("inputs.parameters")) {
            return scope.inputParameters().isEmpty() ? "{{inputs.parameters}} is used but " + inputsWhere + " has no input parameters" : null;
        }
        if (tag.startsWith("inputs.parameters.")) {
            String name = tag.substring("inputs.parameters.".length());
            if (scope.inputParameters().contains(name)) {
                return null;
            }
            return "{{" + tag + "}} does not match an input parameter of " + inputsWhere
                    + hint(name, scope.inputParameters(), "declare it under inputs.parameters");
        }
        if (tag.startsWith("inputs.artifacts.")) {
            String rest = tag.substring("inputs.artifacts.".length());
            int dot = rest.indexOf('.');
            String name = dot < 0 ? rest : rest.substring(0, dot);
            if (scope.inputArtifacts().contains(name)) {
                return null;
            }
            return "{{" + tag + "}} does not match an input artifact of " + inputsWhere
                    + hint(name, scope.inputArtifacts(), "declare it under inputs.artifacts");
        }
        if (!scope.checkWorkflowParameters()) {
            return null;
        }
        boolean any = !scope.workflowParameters().isEmpty();
        if (tag.equals("workflow.parameters") || tag.equals("workflow.parameters.json")) {
            return any || scope.workflowParameters().contains("json") ? null
                    : "{{" + tag + "}} is used but the workflow has no parameters (spec.arguments.parameters)";
        }
        if (tag.startsWith("workflow.parameters.")) {
            String name = tag.substring("workflow.parameters.".length());
            if (scope.workflowParameters().contains(name)) {
                return null;
            }
            return "{{" + tag + "}} does not match a workflow parameter"
                    + hint(name, scope.workflowParameters(), "declare it under spec.arguments.parameters");
        }
        return null;
    }

    private static String hint(String name, Set<String> declared, String otherwise) {
        String suggestion = DidYouMean.closest(name, declared).orElse(null);
        return suggestion != null ? "; did you mean '" + suggestion + "'?" : "; " + otherwise;
    }
}
