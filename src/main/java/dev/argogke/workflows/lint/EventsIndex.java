package dev.argogke.workflows.lint;

import dev.argogke.tree.Tree;
import dev.argogke.workflows.manifest.Manifest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Argo Events EventSources of the linted set with the events each defines, and the CronWorkflows a Sensor's
 * {@code submit-from} may name, so that a Sensor's references resolve across files as they will in the cluster.
 */
final class EventsIndex {
    private final Map<String, Set<String>> eventsBySource = new HashMap<>();
    private final Set<String> cronWorkflows = new HashSet<>();

    void add(Manifest manifest) {
        String name = manifest.name().orElse(null);
        if (name == null || !DocumentChecker.API_VERSION.equals(manifest.apiVersion())) {
            return;
        }
        if ("EventSource".equals(manifest.kind())) {
            eventsBySource.putIfAbsent(name, eventNames(Tree.map(manifest.content().get("spec"))));
        } else if ("CronWorkflow".equals(manifest.kind())) {
            cronWorkflows.add(name);
        }
    }

    /** The event names of the EventSource {@code name}, or null when the set has no such EventSource. */
    Set<String> events(String eventSourceName) {
        Set<String> events = eventsBySource.get(eventSourceName);
        return events == null ? null : Collections.unmodifiableSet(events);
    }

    List<String> eventSourceNames() {
        return new ArrayList<>(eventsBySource.keySet());
    }

    boolean hasCronWorkflow(String name) {
        return cronWorkflows.contains(name);
    }

    /**
     * The keys of every event source map of an EventSource spec ({@code webhook: {example: ...}} defines the event
     * {@code example}): the spec's fields that the model declares as maps of a source type (EventSourceSpec in
     * Argo Events v1.9.10 pkg/apis/events/v1alpha1/eventsource_types.go), such as {@code webhook} and {@code pubSub}.
     */
    static Set<String> eventNames(Map<String, Object> spec) {
        Set<String> names = new LinkedHashSet<>();
        for (String sourceType : sourceTypes()) {
            names.addAll(Tree.map(spec.get(sourceType)).keySet());
        }
        return names;
    }

    /** The fields of EventSourceSpec that hold event sources by event name. */
    static List<String> sourceTypes() {
        List<String> types = new ArrayList<>();
        FieldModel.events().type("EventSourceSpec").fields().forEach((field, type) -> {
            if (type instanceof FieldType.MapOf m && m.value() instanceof FieldType.Ref) {
                types.add(field);
            }
        });
        return types;
    }
}
