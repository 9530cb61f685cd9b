package dev.argogke.workflows.lint;

import dev.argogke.names.DidYouMean;
import dev.argogke.tree.Tree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules Argo Events v1.9.10 applies to a Sensor (github.com/argoproj/argo-events, tag v1.9.10,
 * pkg/reconciler/sensor/validate.go, ValidateSensor: the controller runs no Sensor that fails them), and the
 * references a Sensor makes to the rest of the linted set: the EventSources and events of its dependencies
 * and what its workflow triggers submit ({@link WorkflowTriggerChecker}).
 */
final class SensorChecker {
    // validate.go validateLogicalOperator, sensor_types.go LogicalOperator: "and", "or", or empty (and).
    private static final List<String> LOGICAL_OPERATORS = List.of("", "and", "or");
    // validate.go validateTriggerParameter, sensor_types.go TriggerParameterOperation.
    private static final List<String> PARAMETER_OPERATIONS = List.of("", "append", "overwrite", "prepend");

    private final DocumentFindings out;
    private final StrictDecoder workflowDecoder;
    private final TemplateIndex templates;
    private final EventsIndex events;

    private SensorChecker(DocumentFindings out, StrictDecoder workflowDecoder, TemplateIndex templates, EventsIndex events) {
        this.out = out;
        this.workflowDecoder = workflowDecoder;
        this.templates = templates;
        this.events = events;
    }

    /** Checks a Sensor's spec; {@code workflowDecoder} decodes the Workflows its triggers submit. */
    static void check(DocumentFindings out, Map<String, Object> spec, StrictDecoder workflowDecoder, TemplateIndex templates,
                      EventsIndex events) {
        SensorChecker checker = new SensorChecker(out, workflowDecoder, templates, events);
        Set<String> dependencies = checker.checkDependencies(Tree.list(spec.get("dependencies")));
        checker.checkTriggers(Tree.list(spec.get("triggers")), dependencies);
    }

    /** validate.go validateDependencies; returns the dependency names. */
    private Set<String> checkDependencies(List<Object> dependencies) {
        Set<String> names = new LinkedHashSet<>();
        if (dependencies.isEmpty() && !out.hasErrorAtOrBelow("spec.dependencies")) {
            out.error("spec.dependencies", "a Sensor needs at least one dependency: the event it waits for");
        }
        for (int i = 0; i < dependencies.size(); i++) {
            if (!(dependencies.get(i) instanceof Map<?, ?>)) {
                continue; // reported by the strict decoding
            }
            Map<String, Object> dependency = Tree.map(dependencies.get(i));
            String path = Tree.index("spec.dependencies", i);
            String name = required(dependency, path, "name", "a dependency needs a name, which triggers refer to");
            if (name != null) {
                names.add(name);
            }
            String source = required(dependency, path, "eventSourceName", "a dependency needs the eventSourceName it listens to");
            String event = required(dependency, path, "eventName", "a dependency needs the eventName, an event of its EventSource");
            if (source != null) {
                checkEventReference(path, source, event);
            }
            logicalOperator(dependency, path, "filtersLogicalOperator");
            Map<String, Object> filters = Tree.map(dependency.get("filters"));
            logicalOperator(filters, Tree.join(path, "filters"), "exprLogicalOperator");
            logicalOperator(filters, Tree.join(path, "filters"), "dataLogicalOperator");
        }
        return names;
    }

    /** The dependency names an EventSource of the set and one of its events, as the Sensor will find them on the EventBus. */
    private void checkEventReference(String path, String source, String event) {
        Set<String> known = events.events(source);
        if (known == null) {
            out.error(Tree.join(path, "eventSourceName"), "EventSource '" + source + "' is not defined in the linted files"
                    + DidYouMean.closest(source, events.eventSourceNames()).map(s -> "; did you mean '" + s + "'?").orElse(""));
        } else if (event != null && !known.contains(event)) {
            out.error(Tree.join(path, "eventName"), "EventSource '" + source + "' has no event '" + event + "'"
                    + DidYouMean.closest(event, known).map(s -> "; did you mean '" + s + "'?")
                    .orElse(" (its events: " + String.join(", ", known) + ")"));
        }
    }

    /** validate.go validateTriggers and validateTrigger. */
    private void checkTriggers(List<Object> triggers, Set<String> dependencies) {
        if (triggers.isEmpty() && !out.hasErrorAtOrBelow("spec.triggers")) {
            out.error("spec.triggers", "a Sensor needs at least one trigger: what it does when its dependencies are met");
        }
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < triggers.size(); i++) {
            if (!(triggers.get(i) instanceof Map<?, ?>)) {
                continue;
            }
            Map<String, Object> trigger = Tree.map(triggers.get(i));
            String path = Tree.index("spec.triggers", i);
            checkParameters(Tree.join(path, "parameters"), Tree.list(trigger.get("parameters")), dependencies);
            if (!(trigger.get("template") instanceof Map<?, ?>)) {
                if (trigger.get("template") == null) {
                    out.error(path, "a trigger needs a template: its name and what it does (argoWorkflow:, k8s:, http:, ...)");
                }
                continue;
            }
            Map<String, Object> template = Tree.map(trigger.get("template"));
            String templatePath = Tree.join(path, "template");
            String name = required(template, templatePath, "name", "a trigger template needs a name");
            Integer first = name == null ? null : names.putIfAbsent(name, i);
            if (first != null) {
                out.error(Tree.join(templatePath, "name"), "trigger name '" + name + "' is not unique (also "
                        + Tree.index("spec.triggers", first) + "); Argo Events refuses duplicate trigger names");
            }
            checkTemplate(templatePath, template, dependencies);
        }
    }

    private void checkTemplate(String path, Map<String, Object> template, Set<String> dependencies) {
        WorkflowTriggerChecker workflows = new WorkflowTriggerChecker(out, workflowDecoder, templates, events);
        if (template.get("argoWorkflow") instanceof Map<?, ?> argo) {
            String argoPath = Tree.join(path, "argoWorkflow");
            checkParameters(Tree.join(argoPath, "parameters"), Tree.list(argo.get("parameters")), dependencies);
            workflows.checkArgoWorkflow(argoPath, Tree.map(argo));
        }
        if (template.get("k8s") instanceof Map<?, ?> k8s) {
            String k8sPath = Tree.join(path, "k8s");
            checkParameters(Tree.join(k8sPath, "parameters"), Tree.list(k8s.get("parameters")), dependencies);
            workflows.checkK8s(k8sPath, Tree.map(k8s));
        }
    }

    /**
     * validate.go validateTriggerParameter: a source naming a dependency, a destination, a known operation. A
     * dependency name that is not one of the Sensor's never resolves: pkg/sensors/triggers/params.go
     * ResolveParamValue then uses {@code src.value} or leaves the destination unchanged, without a word.
     */
    private void checkParameters(String listPath, List<Object> parameters, Set<String> dependencies) {
        for (int i = 0; i < parameters.size(); i++) {
            if (!(parameters.get(i) instanceof Map<?, ?>)) {
                continue;
            }
            Map<String, Object> parameter = Tree.map(parameters.get(i));
            String path = Tree.index(listPath, i);
            if (!(parameter.get("src") instanceof Map<?, ?> src)) {
                if (parameter.get("src") == null) {
                    out.error(path, "a trigger parameter needs a src: the dependency (and key) its value comes from");
                }
            } else {
                String dependency = required(Tree.map(src), Tree.join(path, "src"), "dependencyName",
                        "a trigger parameter's src needs the dependencyName its value comes from");
                if (dependency != null && !dependencies.contains(dependency)) {
                    out.error(Tree.join(path, "src.dependencyName"), "'" + dependency + "' is not a dependency of this Sensor,"
                            + " so the parameter never gets an event's value" + hint(dependency, dependencies));
                }
            }
            required(parameter, path, "dest", "a trigger parameter needs a dest: the path of the field it sets"
                    + " (e.g. spec.arguments.parameters.0.value)");
            oneOf(parameter, path, "operation", PARAMETER_OPERATIONS);
        }
    }

    private void logicalOperator(Map<String, Object> holder, String path, String field) {
        oneOf(holder, path, field, LOGICAL_OPERATORS);
    }

    private void oneOf(Map<String, Object> holder, String path, String field, List<String> allowed) {
        if (holder.get(field) instanceof String value && !allowed.contains(value)) {
            out.error(Tree.join(path, field), "\"" + ValueText.abbreviate(value) + "\" is not one of "
                    + String.join(", ", allowed.subList(1, allowed.size())) + " (or empty)");
        }
    }

    /** The text of a required field, or null after reporting it missing (a value of another type is the decoder's). */
    private String required(Map<String, Object> holder, String path, String field, String message) {
        Object value = holder.get(field);
        if (value == null || "".equals(value)) {
            out.error(value == null ? path : Tree.join(path, field), message);
            return null;
        }
        return value instanceof String s ? s : null;
    }

    private static String hint(String name, Set<String> known) {
        List<String> names = new ArrayList<>(known);
        return DidYouMean.closest(name, names).map(s -> "; did you mean '" + s + "'?")
                .orElse(names.isEmpty() ? "" : " (its dependencies: " + String.join(", ", names) + ")");
    }
}
