package dev.argogke.plan;

import dev.argogke.plan.WorkflowShape.Edge;
import dev.argogke.plan.WorkflowShape.Group;
import dev.argogke.plan.WorkflowShape.Node;
import dev.argogke.tree.Tree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one workflow spec's templates into a {@link WorkflowShape}: its boxes, tasks and arrows. */
final class WorkflowShapeBuilder {
    // Argo's task results a `depends` expression can test (Argo v4.1 docs, "Enhanced Depends").
    private static final Pattern DEPENDS_TERM = Pattern.compile(
            "([A-Za-z0-9][A-Za-z0-9_-]*)(?:\\.(Succeeded|Failed|Errored|Skipped|Omitted|Daemoned|AnySucceeded|AllFailed))?");

    private final Map<String, Object> spec;
    private final Map<String, Map<String, Object>> templates = new LinkedHashMap<>();
    private final Map<String, String> usedIds = new HashMap<>();
    private final List<Group> groups = new ArrayList<>();
    private final List<Node> loose = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();

    WorkflowShapeBuilder(Map<String, Object> spec) {
        this.spec = spec;
        for (Object t : Tree.list(spec.get("templates"))) {
            if (t instanceof Map<?, ?> m && m.get("name") instanceof String name) {
                templates.putIfAbsent(name, cast(m));
            }
        }
    }

    WorkflowShape build() {
        List<String> order = new ArrayList<>();
        String entry = spec.get("entrypoint") instanceof String e ? e : null;
        if (entry != null && templates.containsKey(entry)) {
            order.add(entry);
        }
        for (String name : templates.keySet()) {
            if (!name.equals(entry)) {
                order.add(name);
            }
        }
        Map<String, String> groupIds = new LinkedHashMap<>();
        for (String name : order) {
            if (isComposite(templates.get(name))) {
                groupIds.put(name, id("g_" + name));
            }
        }
        for (String name : groupIds.keySet()) {
            Map<String, Object> t = templates.get(name);
            if (t.get("dag") instanceof Map<?, ?> dag) {
                dagGroup(name, groupIds, cast(dag));
            } else {
                stepsGroup(name, groupIds, Tree.list(t.get("steps")));
            }
        }
        if (groups.isEmpty()) {
            String name = entry != null ? entry : templates.keySet().stream().findFirst().orElse("(no templates)");
            loose.add(new Node(name, name, id("n_" + name), name + "<br/>" + kindOf(templates.get(name))));
        }
        return new WorkflowShape(groups, loose, edges);
    }

    private void dagGroup(String template, Map<String, String> groupIds, Map<String, Object> dag) {
        List<Node> nodes = new ArrayList<>();
        Map<String, Node> byTask = new LinkedHashMap<>();
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (Object o : Tree.list(dag.get("tasks"))) {
            if (o instanceof Map<?, ?> m && m.get("name") instanceof String task && !byTask.containsKey(task)) {
                Node n = node(template, cast(m));
                byTask.put(task, n);
                nodes.add(n);
                tasks.add(cast(m));
            }
        }
        groups.add(new Group(template, groupIds.get(template), "dag", List.copyOf(nodes)));
        for (Map<String, Object> task : tasks) {
            Node to = byTask.get((String) task.get("name"));
            Set<String> seen = new LinkedHashSet<>();
            for (Object d : Tree.list(task.get("dependencies"))) {
                if (d instanceof String dep && byTask.containsKey(dep) && seen.add(dep)) {
                    edges.add(new Edge(byTask.get(dep).id(), to.id(), null, false));
                }
            }
            if (task.get("depends") instanceof String depends) {
                Matcher m = DEPENDS_TERM.matcher(depends);
                while (m.find()) {
                    String dep = m.group(1);
                    String status = m.group(2);
                    if (byTask.containsKey(dep) && seen.add(dep + "." + status)) {
                        String label = status == null || status.equals("Succeeded") ? null : status;
                        edges.add(new Edge(byTask.get(dep).id(), to.id(), label, false));
                    }
                }
            }
            callEdge(to, task, groupIds);
        }
    }

    private void stepsGroup(String template, Map<String, String> groupIds, List<Object> stepGroups) {
        List<Node> nodes = new ArrayList<>();
        List<Node> previous = List.of();
        List<Map<String, Object>> steps = new ArrayList<>();
        List<Node> stepNodes = new ArrayList<>();
        for (Object g : stepGroups) {
            List<Node> current = new ArrayList<>();
            for (Object o : Tree.list(g)) {
                if (o instanceof Map<?, ?> m && m.get("name") instanceof String) {
                    Node n = node(template, cast(m));
                    current.add(n);
                    nodes.add(n);
                    steps.add(cast(m));
                    stepNodes.add(n);
                }
            }
            if (current.isEmpty()) {
                continue;
            }
            for (Node from : previous) {
                for (Node to : current) {
                    edges.add(new Edge(from.id(), to.id(), null, false));
                }
            }
            previous = current;
        }
        groups.add(new Group(template, groupIds.get(template), "steps", List.copyOf(nodes)));
        for (int i = 0; i < steps.size(); i++) {
            callEdge(stepNodes.get(i), steps.get(i), groupIds);
        }
    }

    private void callEdge(Node from, Map<String, Object> task, Map<String, String> groupIds) {
        if (task.get("template") instanceof String called && groupIds.containsKey(called)) {
            edges.add(new Edge(from.id(), groupIds.get(called), null, true));
        }
    }

    private Node node(String template, Map<String, Object> task) {
        String name = (String) task.get("name");
        String label = name;
        if (task.get("templateRef") instanceof Map<?, ?> ref) {
            String target = ref.get("name") + "/" + ref.get("template");
            label += "<br/>ref: " + target + (Boolean.TRUE.equals(ref.get("clusterScope")) ? " (cluster)" : "");
        } else if (task.get("template") instanceof String t && !t.equals(name)) {
            label += "<br/>" + t;
        }
        return new Node(template, name, id("n_" + template + "__" + name), label);
    }

    /** A Mermaid-safe id from names; a clash after sanitising gets a numeric suffix. */
    private String id(String raw) {
        String base = raw.replaceAll("[^A-Za-z0-9_]", "_");
        String id = base;
        int n = 2;
        while (usedIds.containsKey(id) && !usedIds.get(id).equals(raw)) {
            id = base + "_" + n++;
        }
        usedIds.put(id, raw);
        return id;
    }

    private static boolean isComposite(Map<String, Object> t) {
        return t.get("dag") instanceof Map || t.get("steps") instanceof List;
    }

    private static String kindOf(Map<String, Object> t) {
        if (t == null) {
            return "template not found";
        }
        for (String k : List.of("container", "script", "resource", "containerSet", "http", "plugin", "suspend", "data")) {
            if (t.containsKey(k)) {
                return k;
            }
        }
        return "template";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
