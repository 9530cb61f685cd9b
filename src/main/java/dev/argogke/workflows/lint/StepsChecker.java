package dev.argogke.workflows.lint;

import dev.argogke.tree.Tree;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rules for a steps template (Argo v4.1 validateSteps). */
final class StepsChecker {
    private final SpecContext ctx;
    private final TemplateChecker templates;
    private final DocumentFindings out;

    StepsChecker(SpecContext ctx, TemplateChecker templates) {
        this.ctx = ctx;
        this.templates = templates;
        this.out = ctx.out;
    }

    void check(Map<String, Object> t, String p) {
        String sp = Tree.join(p, "steps");
        List<Object> groups = Tree.list(t.get("steps"));
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            List<Object> group = Tree.list(groups.get(i));
            for (int j = 0; j < group.size(); j++) {
                String path = Tree.index(Tree.index(sp, i), j);
                checkStep(Tree.map(group.get(j)), path, seen);
            }
        }
    }

    private void checkStep(Map<String, Object> step, String path, Map<String, String> seen) {
        String name = Tree.text(step.get("name"));
        String np = Tree.join(path, "name");
        if (name.isEmpty()) {
            if (step.get("name") == null || step.get("name") instanceof String) {
                out.error(np, "step name is required");
            }
        } else if (seen.containsKey(name)) {
            out.error(np, "step name '" + name + "' is not unique in this template (also " + seen.get(name) + ")");
        } else {
            seen.put(name, path);
            String problem = FieldNames.problem(name, FieldNames.Style.WORKFLOW_FIELD);
            if (problem != null) {
                out.error(np, "step name '" + name + "' is invalid: " + problem);
            }
        }
        String label = name.isEmpty() ? "this step" : "step '" + name + "'";
        Loops.check(out, step, path, label);
        Map<String, Object> arguments = Tree.map(step.get("arguments"));
        Arguments.check(out, Tree.join(path, "arguments"), arguments, true);
        Map<String, Object> target = ctx.resolveCall(step, path, label);
        if (target != null) {
            ctx.checkSupplied(target, label + " runs a template that", arguments, path, true);
        }
        Hooks.check(ctx, Tree.map(step.get("hooks")), Tree.join(path, "hooks"));
        if (step.get("inline") instanceof Map<?, ?>) {
            templates.check(Tree.map(step.get("inline")), Tree.join(path, "inline"));
        }
    }
}
