package dev.argogke.workflows.lint;

import dev.argogke.tree.Tree;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** The rules for a resource template: its action and its manifest (Argo v4.1 workflow/validate/validate.go). */
final class ResourceChecker {
    private static final Set<String> RESOURCE_ACTIONS = Set.of("get", "create", "apply", "delete", "replace", "patch");

    private ResourceChecker() {
    }

    static void check(DocumentFindings out, Map<String, Object> t, String p, String label) {
        String rp = Tree.join(p, "resource");
        Map<String, Object> r = Tree.map(t.get("resource"));
        String action = Tree.text(r.get("action"));
        if (!action.contains("{{") && !RESOURCE_ACTIONS.contains(action)) {
            out.error(Tree.join(rp, "action"), action.isEmpty() ? "a resource template needs an action: get, create, apply,"
                    + " delete, replace or patch" : "action '" + action + "' is not one of get, create, apply, delete, replace, patch");
        }
        if (action.equals("get") || action.equals("delete")) {
            return;
        }
        String manifest = Tree.text(r.get("manifest"));
        boolean from = r.get("manifestFrom") != null;
        if (manifest.isEmpty() && !from) {
            out.error(rp, label + " needs manifest: or manifestFrom: to " + (action.isEmpty() ? "act on" : action));
        } else if (!manifest.isEmpty() && from) {
            out.error(Tree.join(rp, "manifestFrom"), label + " has both manifest and manifestFrom; keep one");
        }
        if (from) {
            String artifact = Tree.text(Tree.map(Tree.map(r.get("manifestFrom")).get("artifact")).get("name"));
            if (!artifact.isEmpty() && !TemplateChecker.names(Tree.map(t.get("inputs")).get("artifacts")).contains(artifact)) {
                out.error(Tree.join(Tree.join(Tree.join(rp, "manifestFrom"), "artifact"), "name"),
                        "manifestFrom names artifact '" + artifact + "', which is not an input artifact of " + label);
            }
        }
        if (!manifest.isEmpty()) {
            String yamlProblem = manifestYamlProblem(manifest);
            if (yamlProblem != null) {
                out.error(Tree.join(rp, "manifest"), "manifest is not valid YAML: " + yamlProblem);
            }
        }
    }

    /** Argo parses the manifest as YAML after replacing variables with placeholders. */
    private static String manifestYamlProblem(String manifest) {
        String replaced = manifest.replaceAll("\\{\\{[^}]*}}", "placeholder");
        try {
            for (Object ignored : new Load(LoadSettings.builder().setAllowDuplicateKeys(true).setBufferSize(replaced.length() + 1).build())
                    .loadAllFromString(replaced)) {
                // parse every document
            }
            return null;
        } catch (YamlEngineException e) {
            return e.getMessage().lines().findFirst().orElse("unreadable");
        }
    }
}
