package dev.argogke.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape of an Argo workflow spec: which steps run after which, as a graph that renders as a
 * Mermaid {@code flowchart TD} (GitHub draws Mermaid blocks in comments).
 *
 * <p>Every DAG or steps template becomes a box (a Mermaid subgraph) holding its tasks; a DAG task's
 * {@code dependencies} or {@code depends} become arrows (labelled with the status it waits for when
 * that is not plain success), steps run group after group, a task calling another DAG/steps
 * template of the same spec gets a dotted arrow to that box, and a {@code templateRef} names its
 * target. A spec without DAG or steps templates is one box: its entrypoint.
 *
 * <p>Node ids come from template and task names only, so the same task has the same id before
 * and after a change, and an unchanged shape renders to the same text. {@link WorkflowShapeBuilder}
 * reads a spec into a shape; this class draws and compares shapes.
 */
public final class WorkflowShape {
    /** A task or step, identified by its template and its own name. */
    public record Node(String template, String task, String id, String label) {
    }

    /** An arrow: {@code call} arrows point from a task to the template box it runs. */
    public record Edge(String from, String to, String label, boolean call) {
    }

    /** A DAG or steps template, drawn as a box. */
    public record Group(String template, String id, String kind, List<Node> nodes) {
    }

    /** What changed between two shapes, in words (empty lists when the shape is the same). */
    public record Delta(List<String> stepsAdded, List<String> stepsRemoved, List<String> arrowsAdded,
                        List<String> arrowsRemoved) {
        public boolean isEmpty() {
            return stepsAdded.isEmpty() && stepsRemoved.isEmpty() && arrowsAdded.isEmpty() && arrowsRemoved.isEmpty();
        }
    }

    private final List<Group> groups;
    private final List<Node> loose;
    private final List<Edge> edges;

    WorkflowShape(List<Group> groups, List<Node> loose, List<Edge> edges) {
        this.groups = List.copyOf(groups);
        this.loose = List.copyOf(loose);
        this.edges = List.copyOf(edges);
    }

    public List<Group> groups() {
        return groups;
    }

    public List<Edge> edges() {
        return edges;
    }

    /** The shape of a workflow spec ({@code spec} of a WorkflowTemplate, {@code spec.workflowSpec} of a CronWorkflow). */
    public static WorkflowShape of(Map<String, Object> workflowSpec) {
        return new WorkflowShapeBuilder(workflowSpec == null ? Map.of() : workflowSpec).build();
    }

    /** The shape as a Mermaid flowchart (no fences). */
    public String toMermaid() {
        StringBuilder sb = new StringBuilder("flowchart TD\n");
        for (Group g : groups) {
            sb.append("  subgraph ").append(g.id()).append("[\"").append(escape(g.template())).append(" (")
                    .append(g.kind()).append(")\"]\n");
            for (Node n : g.nodes()) {
                sb.append("    ").append(n.id()).append("[\"").append(escape(n.label())).append("\"]\n");
            }
            sb.append("  end\n");
        }
        for (Node n : loose) {
            sb.append("  ").append(n.id()).append("[\"").append(escape(n.label())).append("\"]\n");
        }
        for (Edge e : edges) {
            sb.append("  ").append(e.from()).append(e.call() ? " -.-> " : " --> ");
            if (e.label() != null) {
                sb.setLength(sb.length() - 1);
                sb.append("|").append(e.label()).append("| ");
            }
            sb.append(e.to()).append('\n');
        }
        return sb.toString();
    }

    /** What {@code after} adds to and removes from this shape, in words. */
    public Delta delta(WorkflowShape after) {
        Map<String, String> namesBefore = names();
        Map<String, String> namesAfter = after.names();
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (Map.Entry<String, String> e : namesAfter.entrySet()) {
            if (!namesBefore.containsKey(e.getKey())) {
                added.add(e.getValue());
            }
        }
        for (Map.Entry<String, String> e : namesBefore.entrySet()) {
            if (!namesAfter.containsKey(e.getKey())) {
                removed.add(e.getValue());
            }
        }
        Set<String> arrowsBefore = arrows(namesBefore);
        Set<String> arrowsAfter = after.arrows(namesAfter);
        List<String> arrowsAdded = arrowsAfter.stream().filter(a -> !arrowsBefore.contains(a)).toList();
        List<String> arrowsRemoved = arrowsBefore.stream().filter(a -> !arrowsAfter.contains(a)).toList();
        return new Delta(added, removed, arrowsAdded, arrowsRemoved);
    }

    /** id → "template/task" for every node and box, for words. */
    private Map<String, String> names() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Group g : groups) {
            for (Node n : g.nodes()) {
                out.put(n.id(), groups.size() > 1 ? n.template() + "/" + n.task() : n.task());
            }
        }
        for (Node n : loose) {
            out.put(n.id(), n.task());
        }
        return out;
    }

    private Set<String> arrows(Map<String, String> names) {
        Map<String, String> boxes = new HashMap<>();
        for (Group g : groups) {
            boxes.put(g.id(), g.template());
        }
        Set<String> out = new LinkedHashSet<>();
        for (Edge e : edges) {
            String from = names.getOrDefault(e.from(), e.from());
            String to = e.call() ? boxes.getOrDefault(e.to(), e.to()) : names.getOrDefault(e.to(), e.to());
            out.add(from + (e.call() ? " calls " : " → ") + to + (e.label() == null ? "" : " (on " + e.label() + ")"));
        }
        return out;
    }

    private static String escape(String label) {
        return label.replace("\"", "#quot;");
    }


    @Override
    public boolean equals(Object o) {
        return o instanceof WorkflowShape s && s.toMermaid().equals(toMermaid());
    }

    @Override
    public int hashCode() {
        return toMermaid().hashCode();
    }
}
