package dev.argogke.events;

import dev.argogke.UserError;
import dev.argogke.config.Settings;
import dev.argogke.tree.Tree;
import dev.argogke.workflows.WorkflowCatalog;
import dev.argogke.workflows.manifest.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The EventSources and Sensors of {@code workflows/} as this stack deploys them, with the fields the
 * program owns filled in: the service accounts their pods run as, and a Pub/Sub source's project and
 * subscription (both created by the program). The linter checks them as Argo Events would
 * ({@code bin/argo-gke lint}); this class refuses what argo-gke cannot deploy least-privilege, each
 * problem with its file, line, object and field, before anything is registered.
 *
 * <p>Kinds of event source: {@code pubSub} (its Google side is {@link PubSubEventSourceAccess}) and
 * {@code webhook} (reachable inside the cluster only: the Service the controller makes for it is a
 * ClusterIP, argo-events v1.9.10 pkg/reconciler/eventsource/resource.go buildService). Anything else
 * needs credentials or cluster rights argo-gke does not give.
 *
 * <p>Triggers: a Sensor's account may only create Workflows in the workflows namespace ({@link
 * SensorAccess}), so every trigger must be a {@code k8s} trigger creating a {@code Workflow}. Argo
 * Events' {@code argoWorkflow} trigger would not do: it runs the {@code argo} CLI and then lists
 * Workflows (pkg/sensors/triggers/argo-workflow/argo-workflow.go, Execute).
 */
public final class EventObjects {
    public static final String EVENT_SOURCE = "EventSource";
    public static final String SENSOR = "Sensor";
    public static final Set<String> KINDS = WorkflowCatalog.EVENT_KINDS;
    /** What an EventSource may hold besides its event sources (argo-events v1.9.10 EventSourceSpec). */
    private static final Set<String> SOURCE_FIELDS = Set.of("template", "service", "replicas", "eventBusName");
    private static final Set<String> DEPLOYABLE_SOURCES = Set.of("pubSub", "webhook");

    /**
     * Where the objects go and what the program fills in.
     *
     * @param project            the stack's Google Cloud project; empty outside Google Cloud (no Pub/Sub there)
     * @param namespace          Argo Events' namespace
     * @param workflowsNamespace where the Sensors' Workflows are created
     * @param bucketNotifications the stack's buckets that notify a Pub/Sub EventSource ({@code argo-gke:events.bucketNotifications})
     */
    public record Target(String stack, Optional<String> project, String namespace, String workflowsNamespace,
                         List<Settings.BucketNotification> bucketNotifications) {
        public Target {
            bucketNotifications = List.copyOf(bucketNotifications);
        }

        public Target(String stack, Optional<String> project, String namespace, String workflowsNamespace) {
            this(stack, project, namespace, workflowsNamespace, List.of());
        }
    }

    /**
     * One {@code pubSub} event of an EventSource and its topic: the topic's project when it exists
     * already, and the bucket that notifies it, if any.
     */
    public record PubSubSource(String eventSource, String event, String topic, Optional<String> existingTopicProject,
                               Optional<Settings.BucketNotification> bucket) {
        public PubSubSource(String eventSource, String event, String topic, Optional<String> existingTopicProject) {
            this(eventSource, event, topic, existingTopicProject, Optional.empty());
        }
    }

    private final List<Manifest> objects;
    private final Map<Manifest, String> notDeployed;
    private final Target target;

    private EventObjects(List<Manifest> objects, Target target) {
        this.notDeployed = notDeployed(objects, target);
        this.objects = objects.stream().filter(m -> !notDeployed.containsKey(m)).toList();
        this.target = target;
    }

    /**
     * Outside Google Cloud (a cluster by kubeconfig) there is no Pub/Sub: a Pub/Sub EventSource is not
     * deployed, nor a Sensor that depends on one, as ExternalSecrets are not (the same {@code workflows/}
     * serves a local cluster). Each with the reason, in the order of {@code workflows/}.
     */
    private static Map<Manifest, String> notDeployed(List<Manifest> objects, Target target) {
        Map<Manifest, String> out = new java.util.LinkedHashMap<>();
        if (target.project().isPresent()) {
            return out;
        }
        Set<String> pubSub = new java.util.HashSet<>();
        for (Manifest m : objects) {
            if (EVENT_SOURCE.equals(m.kind()) && EventSourceForm.pubSub(m).isPresent()) {
                pubSub.add(m.name().orElseThrow());
                out.put(m, "a Pub/Sub event source needs Google Cloud");
            }
        }
        for (Manifest m : objects) {
            if (SENSOR.equals(m.kind())) {
                Tree.list(m.content(), "spec.dependencies").stream().map(d -> Tree.string(d, "eventSourceName"))
                        .filter(pubSub::contains).findFirst()
                        .ifPresent(source -> out.put(m, "it depends on EventSource " + source + ", which is not deployed here"));
            }
        }
        return out;
    }

    /** What is not deployed on this cluster, as {@code Kind/name: why} (empty on Google Cloud). */
    public List<String> notDeployed() {
        return notDeployed.entrySet().stream().map(e -> e.getKey().displayName() + ": " + e.getValue()).toList();
    }

    /** The EventSources and Sensors among {@code manifests}, checked: every problem of all of them in one error. */
    public static EventObjects of(List<Manifest> manifests, Target target) {
        List<Manifest> objects = manifests.stream().filter(m -> KINDS.contains(m.kind())).toList();
        List<String> problems = new ArrayList<>();
        for (Manifest m : objects) {
            Problems out = new Problems(m, problems);
            out.namespace(target.namespace());
            out.ours("spec.eventBusName", ArgoEvents.EVENT_BUS);
            if (EVENT_SOURCE.equals(m.kind())) {
                EventSourceForm.check(m, target, out);
            } else {
                SensorForm.check(m, target, out);
            }
        }
        bucketProblems(objects, target, problems);
        if (!problems.isEmpty()) {
            throw new UserError(String.join("\n", problems));
        }
        return new EventObjects(objects, target);
    }

    /** Each bucket notification must name a Pub/Sub EventSource of {@code workflows/}, and at most one per EventSource. */
    private static void bucketProblems(List<Manifest> objects, Target target, List<String> problems) {
        List<String> pubSub = objects.stream().filter(m -> EVENT_SOURCE.equals(m.kind()) && EventSourceForm.pubSub(m).isPresent())
                .map(m -> m.name().orElseThrow()).toList();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < target.bucketNotifications().size(); i++) {
            String name = target.bucketNotifications().get(i).eventSource();
            String key = "argo-gke:events.bucketNotifications[" + i + "].eventSource: ";
            if (!pubSub.contains(name)) {
                problems.add(key + "'" + name + "' is not a Pub/Sub EventSource in workflows/ ("
                        + (pubSub.isEmpty() ? "there is none" : "there are: " + String.join(", ", pubSub)) + ")");
            } else if (!seen.add(name)) {
                problems.add(key + "'" + name + "' is notified by an earlier entry already; one bucket per EventSource");
            }
        }
    }

    /** The names of the Sensors left out by {@link #notDeployed()}. */
    public Set<String> notDeployedSensors() {
        return notDeployed.keySet().stream().filter(m -> SENSOR.equals(m.kind())).map(m -> m.name().orElseThrow())
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Whether this stack deploys {@code m}: anything but an EventSource or Sensor left out by {@link #notDeployed()}. */
    public boolean deploys(Manifest m) {
        return !notDeployed.containsKey(m);
    }

    /** Whether this stack deploys any EventSource or Sensor (and so Argo Events). */
    public boolean any() {
        return !objects.isEmpty();
    }

    public List<Manifest> eventSources() {
        return objects.stream().filter(m -> EVENT_SOURCE.equals(m.kind())).toList();
    }

    public List<Manifest> sensors() {
        return objects.stream().filter(m -> SENSOR.equals(m.kind())).toList();
    }

    /** The Pub/Sub events, one per EventSource that has one. */
    public List<PubSubSource> pubSubSources() {
        return eventSources().stream().flatMap(m -> EventSourceForm.pubSub(m).stream())
                .map(p -> new PubSubSource(p.eventSource(), p.event(), p.topic(), p.existingTopicProject(),
                        target.bucketNotifications().stream().filter(b -> b.eventSource().equals(p.eventSource())).findFirst()))
                .toList();
    }

    /** The spec the stack deploys: a copy of the written one with the program's fields filled in. */
    public Map<String, Object> deployedSpec(Manifest m) {
        Map<String, Object> spec = Tree.copy(Tree.map(m.content().get("spec")));
        if (EVENT_SOURCE.equals(m.kind())) {
            EventSourceForm.fill(m.name().orElseThrow(), spec, target);
        } else {
            SensorForm.fill(m.name().orElseThrow(), spec, target);
        }
        return spec;
    }

    /** What the program sets in {@code spec.template.serviceAccountName}. */
    static Map<String, Object> template(Map<String, Object> spec) {
        Object template = spec.get("template");
        if (!(template instanceof Map<?, ?>)) {
            template = new java.util.LinkedHashMap<String, Object>();
            spec.put("template", template);
        }
        return Tree.map(template);
    }

    /** Collects one line per problem: {@code file:line: Kind/name: field: what is wrong}. */
    static final class Problems {
        private final Manifest m;
        private final List<String> lines;

        Problems(Manifest m, List<String> lines) {
            this.m = m;
            this.lines = lines;
        }

        void add(String path, String message) {
            var at = m.positions().of(path);
            int line = at == null ? m.start().line() : at.line();
            lines.add((m.file() + ":" + line + ": " + m.displayName() + ": " + path + ": " + message).replace("\n", "\\n"));
        }

        /** A field the program fills in may be left out or say what the program would say, nothing else. */
        void ours(String path, String value) {
            Object written = Tree.at(m.content(), path);
            if (written != null && !value.equals(written)) {
                add(path, "argo-gke sets this to " + value + "; remove the line");
            }
        }

        void namespace(String namespace) {
            ours("metadata.namespace", namespace);
        }
    }

    static boolean isSourceField(String key) {
        return SOURCE_FIELDS.contains(key);
    }

    static boolean isDeployableSource(String key) {
        return DEPLOYABLE_SOURCES.contains(key);
    }
}
