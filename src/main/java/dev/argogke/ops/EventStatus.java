package dev.argogke.ops;

import dev.argogke.UserError;
import dev.argogke.tree.Tree;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code status}'s section on event-driven workflows: for each Argo Events Sensor, the events it waits for, the
 * workflows its triggers start, the last Workflow it started, whether it still matches {@code workflows/}, and
 * how to send it a test message.
 */
public final class EventStatus {
    private EventStatus() {
    }

    /**
     * The newest Workflow a Sensor created.
     *
     * @param trigger the Sensor's trigger template that created it ({@link ArgoResources#LABEL_TRIGGER})
     * @param at      when it was triggered: the action-timestamp label, else the Workflow's creation
     */
    public record LastTrigger(String workflow, String trigger, String phase, Instant at, Duration ago) {
    }

    /**
     * @param waitsFor its dependencies, {@code eventsource/event}
     * @param starts   the WorkflowTemplates its triggers start ({@code cron NAME} for a CronWorkflow's submit-from)
     */
    public record SensorStatus(String name, List<String> waitsFor, List<String> starts, Optional<LastTrigger> lastTrigger,
                               Status.Drift drift, List<TestMessage> testMessages) {
    }

    /**
     * @param installed whether the API server serves Sensors (Argo Events' CRDs are installed)
     * @param problem   why the Sensors could not be read; the CronWorkflows above are shown all the same
     */
    public record Report(String namespace, boolean installed, List<SensorStatus> sensors, Optional<String> problem) {
        /** Nothing to say: no Sensor on the cluster or in the repository, and no problem reading them. */
        public boolean isEmpty() {
            return sensors.isEmpty() && problem.isEmpty();
        }
    }

    /**
     * @param eventsNamespace where the Sensors and EventSources are (the stack's {@code events.namespace})
     * @param project         the stack's Google Cloud project, for Pub/Sub topics that name none
     */
    public static Report collect(ArgoCluster cluster, String eventsNamespace, Optional<RepoSensors> repo,
                                 Optional<String> project, Clock clock) {
        Map<String, Map<String, Object>> repoSensors = repo.map(RepoSensors::sensors).orElse(Map.of());
        Optional<List<GenericKubernetesResource>> sensors;
        Map<String, Map<String, Object>> eventSources = new HashMap<>();
        Map<String, LastTrigger> lastTriggers;
        try {
            sensors = cluster.eventObjects(ArgoResources.SENSORS, eventsNamespace);
            if (sensors.orElse(List.of()).isEmpty() && repoSensors.isEmpty()) {
                return new Report(eventsNamespace, sensors.isPresent(), List.of(), Optional.empty());
            }
            if (!sensors.orElse(List.of()).isEmpty()) {
                cluster.eventObjects(ArgoResources.EVENT_SOURCES, eventsNamespace).orElse(List.of()).forEach(es ->
                        eventSources.put(es.getMetadata().getName(), Tree.map(es.getAdditionalProperties(), "spec")));
            }
            lastTriggers = lastTriggers(cluster.workflows(ArgoResources.LABEL_SENSOR, null), clock.instant());
        } catch (UserError e) {
            // Someone who may read the CronWorkflows but not the Sensors still gets the CronWorkflows.
            return new Report(eventsNamespace, true, List.of(), Optional.of(e.getMessage()));
        }
        TestMessages messages = new TestMessages(eventsNamespace, project);
        List<SensorStatus> rows = new ArrayList<>();
        TreeSet<String> onCluster = new TreeSet<>();
        for (GenericKubernetesResource sensor : sensors.orElse(List.of())) {
            String name = sensor.getMetadata().getName();
            onCluster.add(name);
            SensorShape shape = new SensorShape(Tree.map(sensor.getAdditionalProperties(), "spec"));
            List<TestMessage> tests = shape.dependencies().stream().map(d -> messages.of(d, eventSources.get(d.eventSource()),
                    shape.dataKeys().getOrDefault(d.name(), Map.of()))).toList();
            rows.add(row(name, shape, lastTriggers, drift(repo, name, sensor), tests));
        }
        repoSensors.forEach((name, spec) -> {
            if (!onCluster.contains(name)) {
                rows.add(row(name, new SensorShape(spec), lastTriggers, new Status.Drift(Status.DriftState.MISSING, List.of()),
                        List.of()));
            }
        });
        rows.sort(Comparator.comparing(SensorStatus::name));
        return new Report(eventsNamespace, sensors.isPresent(), List.copyOf(rows), Optional.empty());
    }

    private static SensorStatus row(String name, SensorShape shape, Map<String, LastTrigger> lastTriggers, Status.Drift drift,
                                    List<TestMessage> tests) {
        return new SensorStatus(name, shape.dependencies().stream().map(SensorShape.Dependency::shown).toList(),
                shape.starts(), Optional.ofNullable(lastTriggers.get(name)), drift, tests);
    }

    /** As for CronWorkflows: only what the repository's manifest says is compared. */
    private static Status.Drift drift(Optional<RepoSensors> repo, String name, GenericKubernetesResource sensor) {
        return repo.map(r -> {
            Map<String, Object> spec = r.sensors().get(name);
            if (spec == null) {
                return new Status.Drift(Status.DriftState.EXTRA, List.<String>of());
            }
            List<String> diffs = SpecDrift.compare(spec, Tree.map(sensor.getAdditionalProperties(), "spec"));
            return new Status.Drift(diffs.isEmpty() ? Status.DriftState.IN_SYNC : Status.DriftState.DIFFERENT, diffs);
        }).orElse(new Status.Drift(Status.DriftState.UNKNOWN, List.of()));
    }

    /** Per Sensor name, the newest Workflow it created: by trigger time, then name. */
    static Map<String, LastTrigger> lastTriggers(List<GenericKubernetesResource> workflows, Instant now) {
        Map<String, LastTrigger> out = new HashMap<>();
        Comparator<LastTrigger> newest = Comparator.comparing(LastTrigger::at).thenComparing(LastTrigger::workflow);
        for (GenericKubernetesResource wf : workflows) {
            Map<String, String> labels = Optional.ofNullable(wf.getMetadata().getLabels()).orElse(Map.of());
            String sensor = labels.get(ArgoResources.LABEL_SENSOR);
            if (sensor == null) {
                continue;
            }
            Instant at = triggeredAt(wf, labels);
            String phase = Optional.ofNullable(Tree.string(wf.getAdditionalProperties(), "status.phase"))
                    .filter(p -> !p.isEmpty()).orElse("Pending");
            LastTrigger t = new LastTrigger(wf.getMetadata().getName(), labels.getOrDefault(ArgoResources.LABEL_TRIGGER, ""),
                    phase, at, at.isAfter(now) ? Duration.ZERO : Duration.between(at, now));
            out.merge(sensor, t, (a, b) -> newest.compare(a, b) >= 0 ? a : b);
        }
        return out;
    }

    private static Instant triggeredAt(GenericKubernetesResource wf, Map<String, String> labels) {
        String ms = labels.get(ArgoResources.LABEL_ACTION_TIMESTAMP);
        if (ms != null && ms.matches("[0-9]{1,18}")) {
            return Instant.ofEpochMilli(Long.parseLong(ms));
        }
        return Optional.ofNullable(wf.getMetadata().getCreationTimestamp()).flatMap(CronWorkflowInfo::instant)
                .orElse(Instant.EPOCH);
    }
}
