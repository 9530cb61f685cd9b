package dev.argogke.ops;

import dev.argogke.tree.Tree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code status} reads of an Argo Events Sensor's spec (v1.9.10 pkg/apis/events/v1alpha1/sensor_types.go):
 * the events it waits for, the workflows its triggers start, and the fields of an event's data its trigger
 * parameters read, so that a test message can carry them.
 */
final class SensorShape {
    /** A dependency: {@code spec.dependencies[]} with its name, eventSourceName and eventName. */
    record Dependency(String name, String eventSource, String event) {
        String shown() {
            return eventSource + "/" + event;
        }
    }

    /** A simple gjson path into an event's data ({@code body.file}, {@code attributes.kind}); no wildcards or escapes. */
    private static final Pattern SIMPLE_KEY = Pattern.compile("(body|attributes)((?:\\.[A-Za-z0-9_-]+)+)");
    /** A dataTemplate's reference to the event's data: Go template {@code {{ .Input.body.file }}} (sensor_types.go, TriggerParameterSource). */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("\\.Input\\.((?:body|attributes)(?:\\.[A-Za-z0-9_-]+)+)");
    /** What a test message puts in a field the trigger has no default for. */
    static final String EXAMPLE_VALUE = "test";

    private final Map<String, Object> spec;

    SensorShape(Map<String, Object> spec) {
        this.spec = spec;
    }

    List<Dependency> dependencies() {
        List<Dependency> out = new ArrayList<>();
        for (Object d : Tree.list(spec, "dependencies")) {
            out.add(new Dependency(Tree.text(d, "name"), Tree.text(d, "eventSourceName"), Tree.text(d, "eventName")));
        }
        return out;
    }

    /**
     * What the triggers start: the WorkflowTemplate a created or submitted Workflow references
     * ({@code spec.workflowTemplateRef.name}), or what an {@code argoWorkflow} trigger's {@code submit-from} names:
     * a WorkflowTemplate, or {@code cron NAME} for a CronWorkflow. (A submit-from's Workflows do not carry the
     * Sensor's label, v1.9.10 pkg/sensors/triggers/argo-workflow/argo-workflow.go, so they count as the
     * CronWorkflow's runs, not as the Sensor's last trigger.)
     */
    List<String> starts() {
        Set<String> out = new LinkedHashSet<>();
        for (Object t : Tree.list(spec, "triggers")) {
            for (String type : List.of("k8s", "argoWorkflow")) {
                Map<String, Object> trigger = Tree.map(t, "template." + type);
                Map<String, Object> resource = Tree.map(trigger, "source.resource");
                String ref = Tree.string(resource, "spec.workflowTemplateRef.name");
                String kind = Tree.text(resource, "kind");
                if ("Workflow".equals(kind) && ref != null) {
                    out.add(ref);
                } else if ("submit-from".equals(Tree.string(trigger, "operation"))) {
                    out.add(("CronWorkflow".equals(kind) ? "cron " : "") + Tree.text(resource, "metadata.name"));
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * For each dependency name, the paths into its event's data that the triggers' parameters read
     * ({@code src.dataKey}, or {@code .Input.X} in {@code src.dataTemplate}), each with the parameter's
     * default ({@code src.value}) or {@link #EXAMPLE_VALUE}.
     */
    Map<String, Map<String, String>> dataKeys() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Object t : Tree.list(spec, "triggers")) {
            for (Object trigger : Tree.map(t, "template").values()) {
                for (Object p : Tree.list(trigger, "parameters")) {
                    Map<String, Object> src = Tree.map(p, "src");
                    String value = src.get("value") == null ? EXAMPLE_VALUE : String.valueOf(src.get("value"));
                    Map<String, String> keys = out.computeIfAbsent(Tree.text(src, "dependencyName"), k -> new LinkedHashMap<>());
                    String dataKey = Tree.text(src, "dataKey");
                    if (SIMPLE_KEY.matcher(dataKey).matches()) {
                        keys.putIfAbsent(dataKey, value);
                    }
                    Matcher m = TEMPLATE_KEY.matcher(Tree.text(src, "dataTemplate"));
                    while (m.find()) {
                        keys.putIfAbsent(m.group(1), value);
                    }
                }
            }
        }
        return out;
    }
}
