package dev.argogke.workflows.lint;

import dev.argogke.tree.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The rules for a template's outputs: where each output parameter and artifact takes its value from. */
final class OutputsChecker {

    private OutputsChecker() {
    }

    static void check(DocumentFindings out, Map<String, Object> t, String p, String type) {
        String op = Tree.join(p, "outputs");
        Map<String, Object> outputs = Tree.map(t.get("outputs"));
        List<Object> params = Tree.list(outputs.get("parameters"));
        String pp = Tree.join(op, "parameters");
        FieldNames.check(out, pp, params, FieldNames.Style.PARAMETER, "output parameter");
        for (int i = 0; i < params.size(); i++) {
            Map<String, Object> param = Tree.map(params.get(i));
            String path = Tree.index(pp, i);
            String name = Tree.text(param.get("name"));
            checkOutputParameter(out, param, path, name, type);
            checkGlobalName(out, param, path);
        }
        List<Object> artifacts = Tree.list(outputs.get("artifacts"));
        String ap = Tree.join(op, "artifacts");
        FieldNames.check(out, ap, artifacts, FieldNames.Style.PARAMETER, "output artifact");
        for (int i = 0; i < artifacts.size(); i++) {
            Map<String, Object> a = Tree.map(artifacts.get(i));
            String path = Tree.index(ap, i);
            if (type != null && !TemplateChecker.LEAF_TYPES.contains(type) && !Tree.text(a.get("path")).isEmpty()) {
                out.error(Tree.join(path, "path"), "an output artifact path only works in container and script templates;"
                        + " use from: here");
            }
            checkGlobalName(out, a, path);
        }
    }

    private static void checkOutputParameter(DocumentFindings out, Map<String, Object> param, String path, String name, String type) {
        boolean hasValue = param.get("value") != null;
        boolean hasValueFrom = param.get("valueFrom") != null;
        if (hasValue && hasValueFrom) {
            out.error(Tree.join(path, "valueFrom"), "output parameter '" + name + "' has both value and valueFrom; keep one");
            return;
        }
        if (hasValue) {
            return;
        }
        if (!hasValueFrom) {
            out.error(path, "output parameter '" + name + "' needs value: or valueFrom:");
            return;
        }
        Map<String, Object> vf = Tree.map(param.get("valueFrom"));
        List<String> sources = new ArrayList<>();
        for (String s : List.of("path", "jqFilter", "jsonPath", "parameter", "expression")) {
            if (!Tree.text(vf.get(s)).isEmpty()) {
                sources.add(s);
            }
        }
        if (vf.get("supplied") != null) {
            sources.add("supplied");
        }
        String vp = Tree.join(path, "valueFrom");
        if (sources.isEmpty()) {
            out.error(vp, "valueFrom needs one of path, jqFilter, jsonPath, parameter, expression or supplied");
            return;
        }
        if (sources.size() > 1) {
            out.error(vp, "valueFrom has several sources (" + String.join(", ", sources) + "); keep one");
            return;
        }
        if (type == null) {
            return;
        }
        String source = sources.get(0);
        switch (type) {
            case "container", "containerSet", "script" -> {
                if (!source.equals("path")) {
                    out.error(vp, "output parameters of a " + type + " template take valueFrom.path");
                }
            }
            case "resource" -> {
                if (!source.equals("jqFilter") && !source.equals("jsonPath")) {
                    out.error(vp, "output parameters of a resource template take valueFrom.jqFilter or valueFrom.jsonPath");
                }
            }
            case "steps", "dag" -> {
                if (!source.equals("parameter") && !source.equals("expression")) {
                    out.error(vp, "output parameters of a " + type + " template take valueFrom.parameter or valueFrom.expression");
                }
            }
            default -> {
            }
        }
    }

    private static void checkGlobalName(DocumentFindings out, Map<String, Object> item, String path) {
        String global = Tree.text(item.get("globalName"));
        if (!global.isEmpty() && !global.contains("{{")) {
            String problem = FieldNames.problem(global, FieldNames.Style.PARAMETER);
            if (problem != null) {
                out.error(Tree.join(path, "globalName"), "globalName '" + global + "' " + problem);
            }
        }
    }
}
