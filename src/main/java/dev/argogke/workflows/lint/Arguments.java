package dev.argogke.workflows.lint;

import dev.argogke.tree.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Rules for {@code arguments} (of a workflow, a step or a DAG task): Argo v4.1 validateArguments. */
final class Arguments {
    private Arguments() {
    }

    // Artifact locations (Argo's ArtifactLocation); one of them, or `from`, gives an artifact its data.
    static final List<String> ARTIFACT_LOCATIONS =
            List.of("s3", "git", "http", "artifactory", "hdfs", "raw", "oss", "gcs", "azure", "plugin");

    /**
     * Checks names, values and valueFrom of {@code arguments} at {@code path}.
     *
     * @param needValues whether every parameter needs a value: true for steps, DAG tasks and
     *                   CronWorkflows; false for Workflows (as {@code argo lint}) and WorkflowTemplates,
     *                   whose values come at submission
     */
    static void check(DocumentFindings out, String path, Map<String, Object> arguments, boolean needValues) {
        String paramsPath = Tree.join(path, "parameters");
        List<Object> params = Tree.list(arguments.get("parameters"));
        FieldNames.check(out, paramsPath, params, FieldNames.Style.PARAMETER, "parameter");
        for (int i = 0; i < params.size(); i++) {
            Map<String, Object> p = Tree.map(params.get(i));
            String pp = Tree.index(paramsPath, i);
            String name = Tree.text(p.get("name"));
            boolean hasValue = p.get("value") != null;
            Map<String, Object> valueFrom = Tree.map(p.get("valueFrom"));
            boolean hasValueFrom = p.get("valueFrom") != null;
            if (!hasValue && !hasValueFrom && needValues) {
                out.error(pp, "parameter '" + name + "' has no value: set value: or valueFrom:");
            }
            if (hasValueFrom) {
                boolean source = valueFrom.get("configMapKeyRef") != null || !Tree.text(valueFrom.get("event")).isEmpty()
                        || valueFrom.get("supplied") != null;
                boolean outputOnly = !Tree.text(valueFrom.get("path")).isEmpty() || !Tree.text(valueFrom.get("jsonPath")).isEmpty()
                        || !Tree.text(valueFrom.get("parameter")).isEmpty() || !Tree.text(valueFrom.get("expression")).isEmpty();
                if (!source || outputOnly) {
                    out.error(Tree.join(pp, "valueFrom"), "an argument's valueFrom only allows configMapKeyRef, event,"
                            + " supplied and default");
                }
            }
            if (p.containsKey("enum") && p.get("enum") instanceof List<?> options) {
                if (options.isEmpty()) {
                    out.error(Tree.join(pp, "enum"), "enum should contain at least one value");
                } else if (hasValue) {
                    String value = anyString(p.get("value"));
                    List<String> allowed = new ArrayList<>();
                    options.forEach(o -> allowed.add(anyString(o)));
                    if (!allowed.contains(value) && !value.contains("{{")) {
                        out.error(Tree.join(pp, "value"), "value '" + value + "' of parameter '" + name
                                + "' is not in its enum (" + String.join(", ", allowed) + ")");
                    }
                }
            }
        }
        String artsPath = Tree.join(path, "artifacts");
        List<Object> artifacts = Tree.list(arguments.get("artifacts"));
        FieldNames.check(out, artsPath, artifacts, FieldNames.Style.PARAMETER, "artifact");
        for (int i = 0; i < artifacts.size(); i++) {
            Map<String, Object> a = Tree.map(artifacts.get(i));
            String ap = Tree.index(artsPath, i);
            String name = Tree.text(a.get("name"));
            boolean from = !Tree.text(a.get("from")).isEmpty();
            if (!from && !hasLocation(a)) {
                out.error(ap, "artifact '" + name + "' needs from: or a location such as s3:, gcs: or http:");
            }
            if (from && !Tree.text(a.get("fromExpression")).isEmpty()) {
                out.error(Tree.join(ap, "fromExpression"), "artifact '" + name + "' has both from and fromExpression; keep one");
            }
        }
    }

    static boolean hasLocation(Map<String, Object> artifact) {
        for (String location : ARTIFACT_LOCATIONS) {
            if (artifact.get(location) != null) {
                return true;
            }
        }
        return false;
    }

    /** A parameter value as Argo's AnyString holds it: numbers and booleans as text. */
    static String anyString(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return String.valueOf(d.longValue());
        }
        return value == null ? "" : String.valueOf(value);
    }
}
