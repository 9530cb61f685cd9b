package dev.argogke.workflows.lint;

import dev.argogke.tree.Tree;
import java.util.Map;

/** Lifecycle hooks of a workflow, step or task (Argo v4.1 validateHooks). */
final class Hooks {
    private Hooks() {
    }

    static void check(SpecContext ctx, Map<String, Object> hooks, String path) {
        for (Map.Entry<String, Object> e : hooks.entrySet()) {
            String hp = Tree.join(path, e.getKey());
            Map<String, Object> hook = Tree.map(e.getValue());
            if (!e.getKey().equals("exit") && Tree.text(hook.get("expression")).isEmpty()) {
                ctx.out.error(hp, "hook '" + e.getKey() + "' needs an expression: (only the exit hook runs without one)");
            }
            if (hook.get("template") != null || hook.get("templateRef") != null) {
                ctx.resolveCall(hook, hp, "hook '" + e.getKey() + "'");
            }
        }
    }
}
