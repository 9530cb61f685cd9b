package dev.argogke.workflows.lint;

import dev.argogke.tree.Tree;
import dev.argogke.workflows.cron.GoDuration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules for one template (Argo v4.1 workflow/validate/validate.go validateTemplate and friends). */
final class TemplateChecker {
    /** The template types, of which a template has exactly one (validateTemplateType). */
    static final List<String> TYPES =
            List.of("container", "containerSet", "steps", "script", "resource", "dag", "suspend", "data", "http", "plugin");
    /** Types that run something themselves rather than other templates. */
    static final Set<String> LEAF_TYPES = Set.of("container", "containerSet", "script", "resource", "data", "http", "plugin");
    // Prometheus metric names (Argo's metrics.IsValidMetricName).
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final SpecContext ctx;
    private final DocumentFindings out;

    TemplateChecker(SpecContext ctx) {
        this.ctx = ctx;
        this.out = ctx.out;
    }

    void check(Map<String, Object> t, String p) {
        String name = Tree.text(t.get("name"));
        String label = name.isEmpty() ? "this template" : "template '" + name + "'";
        String type = type(t, p, label);

        checkInputs(t, p, type);
        checkTimeouts(t, p, type, label);
        if (type != null) {
            switch (type) {
                case "container" -> checkImage(t, p, "container", label);
                case "script" -> checkImage(t, p, "script", label);
                case "containerSet" -> checkContainerSet(t, p, label);
                case "resource" -> ResourceChecker.check(out, t, p, label);
                case "steps" -> new StepsChecker(ctx, this).check(t, p);
                case "dag" -> new DagChecker(ctx, this).check(t, p);
                default -> {
                }
            }
        }
        if (type != null && !type.equals("steps") && !type.equals("dag") && t.get("parallelism") != null) {
            out.error(Tree.join(p, "parallelism"), "parallelism only applies to steps and dag templates");
        }
        checkMountCollisions(t, p);
        checkRetryStrategy(Tree.map(t.get("retryStrategy")), Tree.join(p, "retryStrategy"));
        OutputsChecker.check(out, t, p, type);
        checkMetrics(t, p, label);
        List<Object> inits = Tree.list(t.get("initContainers"));
        for (int i = 0; i < inits.size(); i++) {
            if (Tree.text(Tree.map(inits.get(i)).get("name")).isEmpty()) {
                out.error(Tree.join(Tree.index(Tree.join(p, "initContainers"), i), "name"), "init containers need a name");
            }
        }
        Variables.check(out, t, p, scope(t, name));
    }

    /** The template's one type, or null (reported) when it has none or several. */
    private String type(Map<String, Object> t, String p, String label) {
        List<String> types = new ArrayList<>();
        for (String candidate : TYPES) {
            if (t.get(candidate) != null) {
                types.add(candidate);
            }
        }
        if (types.size() == 1) {
            return types.get(0);
        }
        if (types.isEmpty()) {
            if (!out.hasErrorOnFieldOf(p)) { // an unknown field (a misspelt type) was reported already
                out.error(p, label + " has no type: give it one of container, script, dag, steps, resource, suspend,"
                        + " containerSet, data, http or plugin");
            }
        } else {
            out.error(Tree.join(p, types.get(1)), label + " has several types (" + String.join(", ", types) + "); keep one");
        }
        return null;
    }

    Variables.Scope scope(Map<String, Object> t, String name) {
        Map<String, Object> inputs = Tree.map(t.get("inputs"));
        return new Variables.Scope(name, names(inputs.get("parameters")), names(inputs.get("artifacts")),
                ctx.workflowParameters, ctx.checkWorkflowParameters);
    }

    static Set<String> names(Object list) {
        Set<String> names = new LinkedHashSet<>();
        for (Object o : Tree.list(list)) {
            String n = Tree.string(Tree.map(o).get("name"));
            if (n != null) {
                names.add(n);
            }
        }
        return names;
    }

    private void checkInputs(Map<String, Object> t, String p, String type) {
        String ip = Tree.join(p, "inputs");
        Map<String, Object> inputs = Tree.map(t.get("inputs"));
        FieldNames.check(out, Tree.join(ip, "parameters"), Tree.list(inputs.get("parameters")), FieldNames.Style.PARAMETER, "input parameter");
        List<Object> artifacts = Tree.list(inputs.get("artifacts"));
        String ap = Tree.join(ip, "artifacts");
        FieldNames.check(out, ap, artifacts, FieldNames.Style.PARAMETER, "input artifact");
        for (int i = 0; i < artifacts.size(); i++) {
            Map<String, Object> a = Tree.map(artifacts.get(i));
            String path = Tree.index(ap, i);
            if (!Tree.text(a.get("from")).isEmpty()) {
                out.error(Tree.join(path, "from"), "from is for arguments, not inputs: pass the artifact from the caller");
            }
            if (type != null && !LEAF_TYPES.contains(type) && !Tree.text(a.get("path")).isEmpty()) {
                out.error(Tree.join(path, "path"), "an input artifact path only works in container and script templates");
            }
        }
    }

    private void checkTimeouts(Map<String, Object> t, String p, String type, String label) {
        String timeout = Tree.string(t.get("timeout"));
        if (timeout != null && !timeout.isEmpty()) {
            String tp = Tree.join(p, "timeout");
            if (type != null && !LEAF_TYPES.contains(type)) {
                out.error(tp, "a " + type + " template cannot have a timeout; set it on the templates it runs"
                        + " (or use activeDeadlineSeconds)");
            } else if (isWholeNumber(timeout)) {
                out.error(tp, "timeout needs a unit, e.g. \"" + timeout + "s\"");
            } else if (!timeout.contains("{{") && !GoDuration.isDuration(timeout)) {
                out.error(tp, "\"" + ValueText.abbreviate(timeout) + "\" is not a duration such as 30s, 5m or 1h30m");
            }
        }
        Object deadline = t.get("activeDeadlineSeconds");
        if (deadline != null) {
            String dp = Tree.join(p, "activeDeadlineSeconds");
            if ("steps".equals(type) || "dag".equals(type)) {
                out.error(dp, "activeDeadlineSeconds only works on leaf templates (container, script, resource, ...),"
                        + " not on a " + type + " template");
            } else if (deadline instanceof Number n && n.longValue() < 0) {
                out.error(dp, "activeDeadlineSeconds must not be negative");
            } else if (deadline instanceof String s && !s.contains("{{")) {
                if (!isWholeNumber(s.strip())) {
                    out.error(dp, "activeDeadlineSeconds must be a whole number of seconds or an Argo variable, got \""
                            + ValueText.abbreviate(s) + "\"");
                } else if (s.strip().startsWith("-")) {
                    out.error(dp, "activeDeadlineSeconds must not be negative");
                }
            }
        }
    }

    private void checkImage(Map<String, Object> t, String p, String field, String label) {
        Object image = Tree.map(t.get(field)).get("image");
        if (image != null && !"".equals(image)) {
            return; // set (a value of the wrong type is reported by the strict decoding)
        }
        // Argo fills in templateDefaults, but only for Workflows and WorkflowTemplates.
        boolean defaulted = !ctx.kind.equals("ClusterWorkflowTemplate")
                && !Tree.text(Tree.map(ctx.templateDefaults().get(field)).get("image")).isEmpty();
        if (!defaulted) {
            out.error(Tree.join(Tree.join(p, field), "image"), label + " needs a " + field + " image");
        }
    }

    private void checkContainerSet(Map<String, Object> t, String p, String label) {
        String csp = Tree.join(p, "containerSet");
        Map<String, Object> cs = Tree.map(t.get("containerSet"));
        List<Object> containers = Tree.list(cs.get("containers"));
        String cp = Tree.join(csp, "containers");
        if (containers.isEmpty()) {
            out.error(cp, "a containerSet needs at least one container");
            return;
        }
        Map<String, Integer> byName = FieldNames.check(out, cp, containers, FieldNames.Style.WORKFLOW_FIELD, "container");
        for (int i = 0; i < containers.size(); i++) {
            List<Object> deps = Tree.list(Tree.map(containers.get(i)).get("dependencies"));
            for (int j = 0; j < deps.size(); j++) {
                String dep = Tree.text(deps.get(j));
                if (!byName.containsKey(dep)) {
                    out.error(Tree.index(Tree.join(Tree.index(cp, i), "dependencies"), j),
                            "container '" + dep + "' is not in this containerSet");
                }
            }
        }
        checkDuplicateMounts(Tree.list(cs.get("volumeMounts")), Tree.join(csp, "volumeMounts"), new HashMap<>());
        Map<String, Object> inputs = Tree.map(t.get("inputs"));
        Map<String, Object> outputs = Tree.map(t.get("outputs"));
        boolean io = !Tree.list(inputs.get("artifacts")).isEmpty() || !Tree.list(outputs.get("parameters")).isEmpty()
                || !Tree.list(outputs.get("artifacts")).isEmpty();
        if (io && !byName.containsKey("main")) {
            out.error(cp, label + " has inputs or outputs, so its containerSet needs a container named \"main\"");
        }
    }

    private void checkMountCollisions(Map<String, Object> t, String p) {
        if (t.get("container") == null) {
            return;
        }
        Map<String, String> mounted = new HashMap<>();
        checkDuplicateMounts(Tree.list(Tree.map(t.get("container")).get("volumeMounts")),
                Tree.join(Tree.join(p, "container"), "volumeMounts"), mounted);
        List<Object> artifacts = Tree.list(Tree.map(t.get("inputs")).get("artifacts"));
        for (int i = 0; i < artifacts.size(); i++) {
            String path = Tree.text(Tree.map(artifacts.get(i)).get("path"));
            if (!path.isEmpty() && mounted.containsKey(path)) {
                out.error(Tree.join(Tree.index(Tree.join(Tree.join(p, "inputs"), "artifacts"), i), "path"),
                        "path '" + path + "' is already mounted by " + mounted.get(path));
            }
        }
    }

    private void checkDuplicateMounts(List<Object> mounts, String mp, Map<String, String> mounted) {
        for (int i = 0; i < mounts.size(); i++) {
            Map<String, Object> m = Tree.map(mounts.get(i));
            String path = Tree.text(m.get("mountPath"));
            if (path.isEmpty()) {
                continue;
            }
            String previous = mounted.putIfAbsent(path, "volume mount '" + Tree.text(m.get("name")) + "'");
            if (previous != null) {
                out.error(Tree.join(Tree.index(mp, i), "mountPath"), "mountPath '" + path + "' is already mounted by " + previous);
            }
        }
    }

    void checkRetryStrategy(Map<String, Object> retry, String rp) {
        RetryStrategyChecker.check(out, retry, rp);
    }

    private void checkMetrics(Map<String, Object> t, String p, String label) {
        List<Object> metrics = Tree.list(Tree.map(t.get("metrics")).get("prometheus"));
        String mp = Tree.join(Tree.join(p, "metrics"), "prometheus");
        for (int i = 0; i < metrics.size(); i++) {
            Map<String, Object> m = Tree.map(metrics.get(i));
            String path = Tree.index(mp, i);
            String name = Tree.text(m.get("name"));
            if (!METRIC_NAME.matcher(name).matches()) {
                out.error(Tree.join(path, "name"), "metric name '" + name + "' is invalid: use letters, digits and '_'");
            }
            if (Tree.text(m.get("help")).isEmpty()) {
                out.error(path, "metric '" + name + "' of " + label + " needs a help: text");
            }
        }
    }

    static boolean isWholeNumber(String text) {
        return text.matches("[+-]?[0-9]+");
    }
}
