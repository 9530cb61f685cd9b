package dev.argogke.workflows.lint;

import dev.argogke.names.DidYouMean;
import dev.argogke.tree.Tree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules for a dag template (Argo v4.1 validateDAG, verifyNoCycles, validateDAGTargets). */
final class DagChecker {
    private final SpecContext ctx;
    private final TemplateChecker templates;
    private final DocumentFindings out;

    /** One task as far as the graph is concerned. */
    private record Task(String name, int index, String path, Map<String, Object> body, Set<String> dependencies,
                        String dependencyField) {
    }

    DagChecker(SpecContext ctx, TemplateChecker templates) {
        this.ctx = ctx;
        this.templates = templates;
        this.out = ctx.out;
    }

    void check(Map<String, Object> t, String p) {
        String dp = Tree.join(p, "dag");
        Map<String, Object> dag = Tree.map(t.get("dag"));
        String tp = Tree.join(dp, "tasks");
        List<Object> list = Tree.list(dag.get("tasks"));
        if (list.isEmpty()) {
            out.error(tp, "a dag needs at least one task");
            return;
        }
        FieldNames.check(out, tp, list, FieldNames.Style.WORKFLOW_FIELD, "task");
        boolean usingDepends = list.stream().anyMatch(o -> !Tree.text(Tree.map(o).get("depends")).isEmpty());

        Map<String, Task> tasks = new LinkedHashMap<>();
        List<Task> ordered = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Map<String, Object> body = Tree.map(list.get(i));
            String path = Tree.index(tp, i);
            String name = Tree.text(body.get("name"));
            Task task = new Task(name, i, path, body, new LinkedHashSet<>(),
                    Tree.text(body.get("depends")).isEmpty() ? "dependencies" : "depends");
            ordered.add(task);
            if (!name.isEmpty()) {
                tasks.putIfAbsent(name, task);
            }
        }
        for (Task task : ordered) {
            checkTask(task, usingDepends, tasks);
        }
        List<String> cycle = findCycle(ordered, tasks);
        if (cycle != null) {
            Task start = tasks.get(cycle.get(0));
            out.error(Tree.join(start.path(), start.dependencyField()), "dependency cycle: " + String.join(" -> ", cycle));
        } else {
            for (Task task : ordered) {
                checkArgumentDependencies(task, tasks);
            }
        }
        String target = Tree.text(dag.get("target"));
        for (String name : target.split(" ")) {
            if (!name.isEmpty() && !name.contains("{{") && !tasks.containsKey(name)) {
                out.error(Tree.join(dp, "target"), "target '" + name + "' is not a task of this dag"
                        + suggestion(name, tasks.keySet()));
            }
        }
    }

    private void checkTask(Task task, boolean usingDepends, Map<String, Task> tasks) {
        Map<String, Object> body = task.body();
        String label = task.name().isEmpty() ? "this task" : "task '" + task.name() + "'";
        List<Object> dependencies = Tree.list(body.get("dependencies"));
        if ((usingDepends || !dependencies.isEmpty()) && !task.name().isEmpty() && Character.isDigit(task.name().charAt(0))) {
            out.error(Tree.join(task.path(), "name"), "task name '" + task.name() + "' cannot start with a digit when"
                    + " tasks use depends or dependencies");
        }
        if (usingDepends && !dependencies.isEmpty()) {
            out.error(Tree.join(task.path(), "dependencies"), "this dag uses depends, so write this task's dependencies"
                    + " as depends: \"A && B\" too (one dag cannot mix them)");
        }
        if (usingDepends && body.get("continueOn") != null) {
            out.error(Tree.join(task.path(), "continueOn"), "continueOn does not work with depends; test 'task.Failed'"
                    + " or 'task.Errored' in the depends expression instead");
        }
        String depends = Tree.text(body.get("depends"));
        if (!depends.isEmpty()) {
            String path = Tree.join(task.path(), "depends");
            try {
                for (DependsExpression.Reference ref : DependsExpression.parse(depends)) {
                    Task dependency = tasks.get(ref.task());
                    if (dependency == null) {
                        out.error(path, "depends names task '" + ref.task() + "', which is not in this dag"
                                + suggestion(ref.task(), tasks.keySet()));
                        continue;
                    }
                    task.dependencies().add(ref.task());
                    if (DependsExpression.ITEM_RESULTS.contains(ref.result()) && !Loops.loops(dependency.body())) {
                        out.error(path, "'" + ref.task() + "." + ref.result() + "' needs task '" + ref.task()
                                + "' to loop (withItems, withParam or withSequence)");
                    }
                }
            } catch (DependsExpression.SyntaxError e) {
                out.error(path, "depends \"" + ValueText.abbreviate(depends) + "\": " + e.getMessage());
            }
        }
        for (int k = 0; k < dependencies.size(); k++) {
            String dep = Tree.text(dependencies.get(k));
            if (tasks.containsKey(dep)) {
                task.dependencies().add(dep);
            } else {
                out.error(Tree.index(Tree.join(task.path(), "dependencies"), k), "task '" + dep + "' is not in this dag"
                        + suggestion(dep, tasks.keySet()));
            }
        }
        Loops.check(out, body, task.path(), label);
        Map<String, Object> arguments = Tree.map(body.get("arguments"));
        Arguments.check(out, Tree.join(task.path(), "arguments"), arguments, true);
        Map<String, Object> target = ctx.resolveCall(body, task.path(), label);
        if (target != null) {
            ctx.checkSupplied(target, label + " runs a template that", arguments, task.path(), true);
        }
        Hooks.check(ctx, Tree.map(body.get("hooks")), Tree.join(task.path(), "hooks"));
        if (body.get("inline") instanceof Map<?, ?>) {
            templates.check(Tree.map(body.get("inline")), Tree.join(task.path(), "inline"));
        }
    }

    /** The first cycle found, as task names from a task back to itself, or null. */
    private static List<String> findCycle(List<Task> ordered, Map<String, Task> tasks) {
        Set<String> done = new LinkedHashSet<>();
        for (Task task : ordered) {
            List<String> cycle = visit(task.name(), tasks, new ArrayList<>(), done);
            if (cycle != null) {
                return cycle;
            }
        }
        return null;
    }

    private static List<String> visit(String name, Map<String, Task> tasks, List<String> trail, Set<String> done) {
        int at = trail.indexOf(name);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(trail.subList(at, trail.size()));
            cycle.add(name);
            return cycle;
        }
        Task task = tasks.get(name);
        if (task == null || done.contains(name)) {
            return null;
        }
        trail.add(name);
        for (String dep : task.dependencies()) {
            List<String> cycle = visit(dep, tasks, trail, done);
            if (cycle != null) {
                return cycle;
            }
        }
        trail.remove(trail.size() - 1);
        done.add(name);
        return null;
    }

    /**
     * Argo v4.1 validateDAGTaskArgumentDependency: an argument that starts with {{tasks.X. needs X
     * among the task's ancestors, or X may not have run yet.
     */
    private void checkArgumentDependencies(Task task, Map<String, Task> tasks) {
        Set<String> ancestors = new LinkedHashSet<>();
        collectAncestors(task.name(), tasks, ancestors);
        Map<String, Object> arguments = Tree.map(task.body().get("arguments"));
        String ap = Tree.join(task.path(), "arguments");
        List<Object> params = Tree.list(arguments.get("parameters"));
        for (int i = 0; i < params.size(); i++) {
            Map<String, Object> param = Tree.map(params.get(i));
            checkTaskReference(Arguments.anyString(param.get("value")), ancestors, task,
                    Tree.join(Tree.index(Tree.join(ap, "parameters"), i), "value"), "parameter '" + Tree.text(param.get("name")) + "'");
        }
        List<Object> artifacts = Tree.list(arguments.get("artifacts"));
        for (int i = 0; i < artifacts.size(); i++) {
            Map<String, Object> artifact = Tree.map(artifacts.get(i));
            checkTaskReference(Tree.text(artifact.get("from")), ancestors, task,
                    Tree.join(Tree.index(Tree.join(ap, "artifacts"), i), "from"), "artifact '" + Tree.text(artifact.get("name")) + "'");
        }
    }

    private void checkTaskReference(String value, Set<String> ancestors, Task task, String path, String what) {
        if (!value.startsWith("{{tasks.")) {
            return;
        }
        String[] parts = value.split("\\.");
        if (parts.length < 2) {
            return;
        }
        String referenced = parts[1];
        if (!ancestors.contains(referenced)) {
            out.error(path, what + " uses the outputs of task '" + referenced + "', but task '" + task.name()
                    + "' does not depend on it; add it to depends");
        }
    }

    private static void collectAncestors(String name, Map<String, Task> tasks, Set<String> ancestors) {
        Task task = tasks.get(name);
        if (task == null) {
            return;
        }
        for (String dep : task.dependencies()) {
            if (ancestors.add(dep)) {
                collectAncestors(dep, tasks, ancestors);
            }
        }
    }

    private static String suggestion(String name, Set<String> names) {
        String s = DidYouMean.closest(name, names).orElse(null);
        return s == null ? "" : "; did you mean '" + s + "'?";
    }
}
