package dev.argogke.workflows.lint;

import dev.argogke.tree.Tree;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Argo's rules for the names of templates, steps, tasks, parameters and artifacts. */
final class FieldNames {
    private FieldNames() {
    }

    // Argo v4.1 workflow/validate/validate.go: workflowFieldNameFmt, workflowFieldMaxLength and
    // paramOrArtifactNameRegex.
    private static final Pattern WORKFLOW_FIELD_NAME = Pattern.compile("[a-zA-Z0-9][-a-zA-Z0-9]*");
    private static final int WORKFLOW_FIELD_MAX = 128;
    private static final Pattern PARAM_OR_ARTIFACT_NAME = Pattern.compile("[-a-zA-Z0-9_]+");

    enum Style { WORKFLOW_FIELD, PARAMETER }

    /** Why {@code name} is not a valid name of this style, or null. */
    static String problem(String name, Style style) {
        if (style == Style.PARAMETER) {
            return PARAM_OR_ARTIFACT_NAME.matcher(name).matches() ? null
                    : "must consist of letters, digits, '_' or '-' (e.g. my_param_1, MY-PARAM-1)";
        }
        if (name.length() > WORKFLOW_FIELD_MAX) {
            return "must be at most " + WORKFLOW_FIELD_MAX + " characters";
        }
        return WORKFLOW_FIELD_NAME.matcher(name).matches() ? null
                : "must consist of letters, digits or '-', and start with a letter or digit (e.g. my-name1-2, 123-NAME)";
    }

    /**
     * Checks a list of named items the way Argo's validateWorkflowFieldNames does: every item has a
     * name, it is valid, and no two share one. {@code what} names the items in messages ("template").
     * Returns the items by name (first of each).
     */
    static Map<String, Integer> check(DocumentFindings out, String listPath, List<Object> items, Style style, String what) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> item = Tree.map(items.get(i));
            String path = Tree.index(listPath, i);
            Object raw = item.get("name");
            String name = Tree.string(raw);
            if (raw != null && name == null) {
                continue; // a name of the wrong type is reported by the strict decoding
            }
            if (name == null || name.isEmpty()) {
                out.error(Tree.join(path, "name"), what + " name is required");
                continue;
            }
            String problem = problem(name, style);
            if (problem != null) {
                out.error(Tree.join(path, "name"), what + " name '" + name + "' is invalid: " + problem);
                continue;
            }
            Integer first = seen.putIfAbsent(name, i);
            if (first != null) {
                out.error(Tree.join(path, "name"), what + " name '" + name + "' is not unique (also "
                        + Tree.index(listPath, first) + ")");
            }
        }
        return seen;
    }
}
