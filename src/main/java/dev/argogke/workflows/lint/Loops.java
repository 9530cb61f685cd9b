package dev.argogke.workflows.lint;

import dev.argogke.tree.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** withItems / withParam / withSequence of a step or task (Argo v4.1 addItemsToScope). */
final class Loops {
    private Loops() {
    }

    static boolean loops(Map<String, Object> caller) {
        return !Tree.list(caller.get("withItems")).isEmpty() || !Tree.text(caller.get("withParam")).isEmpty()
                || caller.get("withSequence") != null;
    }

    static void check(DocumentFindings out, Map<String, Object> caller, String path, String label) {
        List<String> used = new ArrayList<>();
        if (!Tree.list(caller.get("withItems")).isEmpty()) {
            used.add("withItems");
        }
        if (!Tree.text(caller.get("withParam")).isEmpty()) {
            used.add("withParam");
        }
        if (caller.get("withSequence") != null) {
            used.add("withSequence");
        }
        if (used.size() > 1) {
            out.error(Tree.join(path, used.get(1)), label + " loops with " + String.join(" and ", used) + "; use only one");
        }
        Map<String, Object> sequence = Tree.map(caller.get("withSequence"));
        if (sequence.get("count") != null && sequence.get("end") != null) {
            out.error(Tree.join(Tree.join(path, "withSequence"), "end"), "withSequence takes count or end, not both");
        }
    }
}
